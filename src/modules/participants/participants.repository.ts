import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../platform/clock.js';
import { ERASED_PSEUDONYM, toParticipant, type Membership, type Participant } from './participants.table.js';

// Every query here is scoped by organization_id. Memberships are read together with the
// initiative's title and consent versions (read-only joins): initiative_participants points at
// consent_texts by design, and one query beats a round trip per initiative.

/** The fields a new participant is stored with. */
export interface NewParticipant {
  organizationId: string;
  pseudonym: string;
  email: string | null;
  followUp: boolean;
  /** Absent means no: nobody is quoted unless they said so. */
  quoteConsent?: boolean;
  locale: string;
  accessibilityNeeds: string;
}

/** Stores a new participant. */
export async function insertParticipant(db: Db, p: NewParticipant): Promise<Participant> {
  const row = {
    id: newId(),
    organization_id: p.organizationId,
    pseudonym: p.pseudonym,
    email: p.email,
    follow_up: p.followUp ? 1 : 0,
    quote_consent: p.quoteConsent ? 1 : 0,
    locale: p.locale,
    accessibility_needs: p.accessibilityNeeds,
    created_at: nowIso(),
    erased_at: null,
  };
  await db.insertInto('participants').values(row).execute();
  return toParticipant(row);
}

/** Whether a pseudonym is already used in the organization. */
export async function pseudonymTaken(db: Db, organizationId: string, pseudonym: string): Promise<boolean> {
  const row = await db
    .selectFrom('participants')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('pseudonym', '=', pseudonym)
    .executeTakeFirst();
  return !!row;
}

/** A participant of the organization (erased ones too, for staff views). */
export async function findParticipant(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Participant | undefined> {
  const row = await db
    .selectFrom('participants')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toParticipant(row) : undefined;
}

/** Changes the details a participant controls. */
export async function updateParticipantDetails(
  db: Db,
  organizationId: string,
  id: string,
  details: {
    email: string | null;
    followUp: boolean;
    quoteConsent: boolean;
    locale: string;
    accessibilityNeeds: string;
  },
): Promise<void> {
  await db
    .updateTable('participants')
    .set({
      email: details.email,
      follow_up: details.followUp ? 1 : 0,
      quote_consent: details.quoteConsent ? 1 : 0,
      locale: details.locale,
      accessibility_needs: details.accessibilityNeeds,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Removes a participant's personal data, keeping the row so contributions stay anonymized. */
export async function anonymizeParticipant(db: Db, organizationId: string, id: string): Promise<void> {
  await db
    .updateTable('participants')
    .set({
      pseudonym: ERASED_PSEUDONYM,
      email: null,
      follow_up: 0,
      quote_consent: 0,
      accessibility_needs: '',
      erased_at: nowIso(),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
  await db
    .deleteFrom('participant_demographics')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', id)
    .execute();
}

/** Records that a participant takes part in an initiative with a consent version. */
export async function insertMembership(
  db: Db,
  m: {
    organizationId: string;
    initiativeId: string;
    participantId: string;
    consentTextId: string;
    channel: string;
  },
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('initiative_participants')
    .values({
      organization_id: m.organizationId,
      initiative_id: m.initiativeId,
      participant_id: m.participantId,
      consent_text_id: m.consentTextId,
      consented_at: now,
      joined_at: now,
      channel: m.channel,
    })
    .execute();
}

/** Records acceptance of a newer consent version. */
export async function renewMembershipConsent(
  db: Db,
  organizationId: string,
  initiativeId: string,
  participantId: string,
  consentTextId: string,
): Promise<void> {
  await db
    .updateTable('initiative_participants')
    .set({ consent_text_id: consentTextId, consented_at: nowIso() })
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('participant_id', '=', participantId)
    .execute();
}

function membershipQuery(db: Db, organizationId: string) {
  return db
    .selectFrom('initiative_participants as ip')
    .innerJoin('initiatives as i', 'i.id', 'ip.initiative_id')
    .innerJoin('consent_texts as c', 'c.id', 'ip.consent_text_id')
    .select((eb) => [
      'ip.participant_id',
      'ip.initiative_id',
      'i.slug',
      'i.title',
      'ip.consent_text_id',
      'c.version',
      'ip.consented_at',
      'ip.joined_at',
      'ip.channel',
      eb
        .selectFrom('consent_texts as latest')
        .select((e) => e.fn.max('latest.version').as('v'))
        .whereRef('latest.initiative_id', '=', 'ip.initiative_id')
        .as('current_version'),
    ])
    .where('ip.organization_id', '=', organizationId)
    .where('i.organization_id', '=', organizationId);
}

type MembershipRow = Awaited<ReturnType<ReturnType<typeof membershipQuery>['execute']>>[number];

function toMembership(row: MembershipRow): Membership {
  const version = Number(row.version);
  return {
    participantId: row.participant_id,
    initiativeId: row.initiative_id,
    initiativeSlug: row.slug,
    initiativeTitle: row.title,
    consentTextId: row.consent_text_id,
    consentVersion: version,
    currentConsentVersion: row.current_version === null ? version : Number(row.current_version),
    consentedAt: row.consented_at,
    joinedAt: row.joined_at,
    channel: row.channel,
  };
}

/** One membership, if the participant takes part in the initiative. */
export async function findMembership(
  db: Db,
  organizationId: string,
  initiativeId: string,
  participantId: string,
): Promise<Membership | undefined> {
  const row = await membershipQuery(db, organizationId)
    .where('ip.initiative_id', '=', initiativeId)
    .where('ip.participant_id', '=', participantId)
    .executeTakeFirst();
  return row ? toMembership(row) : undefined;
}

/** The initiatives a participant takes part in, newest first. */
export async function listMembershipsOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<Membership[]> {
  const rows = await membershipQuery(db, organizationId)
    .where('ip.participant_id', '=', participantId)
    .orderBy('ip.joined_at', 'desc')
    .execute();
  return rows.map(toMembership);
}

/** An initiative's participants with their membership, in the order they joined. */
export async function listMembersOfInitiative(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<{ participant: Participant; membership: Membership }[]> {
  const memberships = (
    await membershipQuery(db, organizationId)
      .where('ip.initiative_id', '=', initiativeId)
      .orderBy('ip.joined_at')
      .orderBy('ip.participant_id')
      .execute()
  ).map(toMembership);
  if (memberships.length === 0) return [];
  const rows = await db
    .selectFrom('participants')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where(
      'id',
      'in',
      memberships.map((m) => m.participantId),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toParticipant(r)]));
  return memberships.flatMap((membership) => {
    const participant = byId.get(membership.participantId);
    return participant ? [{ participant, membership }] : [];
  });
}

/** Of these participants, the ones (not erased) who agreed to be quoted without their name. */
export async function selectQuotableParticipantIds(
  db: Db,
  organizationId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('participants')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...ids])
    .where('quote_consent', '=', 1)
    .where('erased_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}
