import type { Db } from '../../db/database.js';
import type { Locale } from '../../platform/i18n.js';
import { mailedSince } from './engagement.repository.js';
import { segmentOrganization } from './get-segments.js';
import { unsubscribedParticipants } from '../follow-up/participant-follow-up.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A participant gets at most one campaign mail in this many days. */
export const DAYS_BETWEEN_CAMPAIGN_MAILS = 30;

/** A participant a campaign would be sent to now. */
export interface CampaignRecipient {
  participantId: string;
  pseudonym: string;
  email: string;
  locale: Locale;
  lastActivityAt: string | null;
}

/** Who a campaign reaches now, and why the other lapsed participants are left out. */
export interface RecipientPreview {
  recipients: CampaignRecipient[];
  lapsed: number;
  /** Lapsed, but did not agree to follow-up, gave no address or unsubscribed from follow-up mail. */
  noConsent: number;
  /** Lapsed and reachable, but sent a campaign mail in the last 30 days. */
  recentlyMailed: number;
}

/**
 * The lapsed participants a "we miss you" mail may go to now: not erased, agreed to follow-up, with
 * an address, not unsubscribed from follow-up mail (the link in every follow-up digest), and not sent
 * any campaign mail in the last 30 days.
 * Internal: the calling use case authorizes the actor.
 */
export async function campaignRecipients(
  db: Db,
  organizationId: string,
  now: Date,
): Promise<RecipientPreview & { lapsedAfterDays: number }> {
  const { segmented, facts, lapsedAfterDays } = await segmentOrganization(db, organizationId, now);
  const lapsed = segmented.filter((s) => s.segment === 'lapsed');
  const people = new Map(facts.participants.map((p) => [p.id, p]));
  const unsubscribed = await unsubscribedParticipants(db, organizationId);
  const recent = await mailedSince(
    db,
    organizationId,
    new Date(now.getTime() - DAYS_BETWEEN_CAMPAIGN_MAILS * DAY_MS).toISOString(),
  );
  const preview: RecipientPreview & { lapsedAfterDays: number } = {
    lapsedAfterDays,
    recipients: [],
    lapsed: lapsed.length,
    noConsent: 0,
    recentlyMailed: 0,
  };
  for (const s of lapsed) {
    const p = people.get(s.id);
    if (!p || p.erased || !p.followUp || !p.email || unsubscribed.has(p.id)) {
      preview.noConsent += 1;
      continue;
    }
    if (recent.has(p.id)) {
      preview.recentlyMailed += 1;
      continue;
    }
    preview.recipients.push({
      participantId: p.id,
      pseudonym: p.pseudonym,
      email: p.email,
      locale: p.locale,
      lastActivityAt: s.lastActivityAt,
    });
  }
  return preview;
}
