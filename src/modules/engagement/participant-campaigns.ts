import type { Db } from '../../db/database.js';
import { anonymizeRecipients, campaignMailsOf } from './engagement.repository.js';

/** A "we miss you" mail a participant was sent, as their data export shows it. */
export interface MyCampaignMail {
  campaignId: string;
  sentAt: string;
  language: string;
  subject: string;
  message: string;
}

/** The campaign mails one participant was sent (part of "My data" export), oldest first. */
export async function listMyCampaignMails(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<MyCampaignMail[]> {
  const rows = await campaignMailsOf(db, organizationId, participantId);
  return rows.map((r) => ({
    campaignId: r.campaign_id,
    sentAt: r.sent_at,
    language: r.locale,
    subject: r.locale === 'da' ? r.subject_da : r.subject_en,
    message: r.locale === 'da' ? r.body_da : r.body_en,
  }));
}

/**
 * Forgets an erased participant as a campaign recipient: the rows stay as anonymous counts in the
 * campaign reports, connected to nobody. Part of erasure, in its transaction.
 */
export async function anonymizeMyCampaignMails(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await anonymizeRecipients(db, organizationId, participantId);
}
