import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../platform/clock.js';
import { toCampaign, type Campaign } from './engagement.table.js';

// Every query here is scoped by organization_id.

/** The organization's stored lapse setting, or undefined when it uses the default. */
export async function findLapsedAfterDays(db: Db, organizationId: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('engagement_settings')
    .select('lapsed_after_days')
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row ? Number(row.lapsed_after_days) : undefined;
}

/** Stores the organization's lapse setting (insert or replace). */
export async function storeLapsedAfterDays(
  db: Db,
  organizationId: string,
  days: number,
  staffId: string,
): Promise<void> {
  const values = { lapsed_after_days: days, updated_by: staffId, updated_at: nowIso() };
  await db
    .insertInto('engagement_settings')
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
    .execute();
}

/** Stores a new draft campaign. */
export async function insertCampaign(
  db: Db,
  organizationId: string,
  c: Omit<Campaign, 'id' | 'createdAt' | 'sentAt'>,
  staffId: string,
): Promise<Campaign> {
  const row = {
    id: newId(),
    organization_id: organizationId,
    subject_en: c.subjectEn,
    body_en: c.bodyEn,
    subject_da: c.subjectDa,
    body_da: c.bodyDa,
    lapsed_after_days: c.lapsedAfterDays,
    created_by: staffId,
    created_at: nowIso(),
    sent_by: null,
    sent_at: null,
  };
  await db.insertInto('engagement_campaigns').values(row).execute();
  return toCampaign(row);
}

/** One campaign of the organization. */
export async function findCampaign(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Campaign | undefined> {
  const row = await db
    .selectFrom('engagement_campaigns')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toCampaign(row) : undefined;
}

/** The organization's campaigns, newest first. */
export async function listCampaigns(db: Db, organizationId: string): Promise<Campaign[]> {
  const rows = await db
    .selectFrom('engagement_campaigns')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toCampaign);
}

/**
 * Marks a draft campaign sent. Returns false when it was already sent: the conditional update makes
 * two concurrent sends of one campaign impossible.
 */
export async function markCampaignSent(
  db: Db,
  organizationId: string,
  id: string,
  staffId: string,
  at: string,
  lapsedAfterDays: number,
): Promise<boolean> {
  const result = await db
    .updateTable('engagement_campaigns')
    .set({ sent_at: at, sent_by: staffId, lapsed_after_days: lapsedAfterDays })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One recipient row to store. */
export interface NewRecipient {
  participantId: string;
  locale: string;
  segment: string;
  lastActivityAt: string | null;
}

/** Stores the recipients of a campaign sent at `at`. */
export async function insertRecipients(
  db: Db,
  organizationId: string,
  campaignId: string,
  recipients: readonly NewRecipient[],
  at: string,
): Promise<void> {
  // Batches keep each statement under both engines' parameter limits.
  for (let i = 0; i < recipients.length; i += 200) {
    await db
      .insertInto('engagement_campaign_recipients')
      .values(
        recipients.slice(i, i + 200).map((r) => ({
          id: newId(),
          organization_id: organizationId,
          campaign_id: campaignId,
          participant_id: r.participantId,
          locale: r.locale,
          segment: r.segment,
          last_activity_at: r.lastActivityAt,
          sent_at: at,
        })),
      )
      .execute();
  }
}

/** A stored recipient. */
export interface RecipientRow {
  participantId: string | null;
  locale: string;
  segment: string;
  sentAt: string;
}

/** The recipients of one campaign. */
export async function recipientsOf(
  db: Db,
  organizationId: string,
  campaignId: string,
): Promise<RecipientRow[]> {
  const rows = await db
    .selectFrom('engagement_campaign_recipients')
    .select(['participant_id', 'locale', 'segment', 'sent_at'])
    .where('organization_id', '=', organizationId)
    .where('campaign_id', '=', campaignId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    participantId: r.participant_id,
    locale: r.locale,
    segment: r.segment,
    sentAt: r.sent_at,
  }));
}

/** The participants who were sent any campaign mail at or after `since`. */
export async function mailedSince(db: Db, organizationId: string, since: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('engagement_campaign_recipients')
    .select('participant_id')
    .where('organization_id', '=', organizationId)
    .where('sent_at', '>=', since)
    .where('participant_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.participant_id!));
}

/** The campaign mails one participant was sent, oldest first, with the campaign's text. */
export async function campaignMailsOf(db: Db, organizationId: string, participantId: string) {
  return db
    .selectFrom('engagement_campaign_recipients as r')
    .innerJoin('engagement_campaigns as c', 'c.id', 'r.campaign_id')
    .select([
      'r.campaign_id',
      'r.locale',
      'r.sent_at',
      'c.subject_en',
      'c.subject_da',
      'c.body_en',
      'c.body_da',
    ])
    .where('r.organization_id', '=', organizationId)
    .where('c.organization_id', '=', organizationId)
    .where('r.participant_id', '=', participantId)
    .orderBy('r.sent_at')
    .execute();
}

/** Forgets the participant in every campaign's recipients (the rows stay as anonymous counts). */
export async function anonymizeRecipients(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await db
    .updateTable('engagement_campaign_recipients')
    .set({ participant_id: null, last_activity_at: null })
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
}
