import { cameBackReport, windowOpen, type CameBackReport } from '../../analysis/engagement/index.js';
import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { campaignRecipients, type RecipientPreview } from './campaign-recipients.js';
import { loadActivityFacts, recipientActivityTimes, type ActivityFacts } from './engagement-activity.js';
import { engagementRules } from './engagement.policy.js';
import { findCampaign, listCampaigns as listStored, recipientsOf } from './engagement.repository.js';
import type { Campaign } from './engagement.table.js';

/** A sent campaign's report: recipients and who came back within 30 days, overall and by group. */
export interface CampaignReport extends CameBackReport {
  /** Recipients who erased their data since: still counted as recipients, no longer followed. */
  erased: number;
  /** Whether the 30-day window is still open (the count may still grow). */
  windowOpen: boolean;
}

/** A campaign with its report once sent. */
export interface CampaignSummary {
  campaign: Campaign;
  report: CampaignReport | null;
}

async function reportOf(
  db: Db,
  organizationId: string,
  campaign: Campaign,
  facts: ActivityFacts,
  cache: Map<string, string[]>,
  now: Date,
): Promise<CampaignReport | null> {
  if (!campaign.sentAt) return null;
  const sentAt = campaign.sentAt;
  const rows = await recipientsOf(db, organizationId, campaign.id);
  const recipients = [];
  for (const r of rows) {
    recipients.push({
      locale: r.locale,
      segment: r.segment,
      activityTimes: r.participantId
        ? await recipientActivityTimes(db, organizationId, facts, r.participantId, sentAt, cache)
        : [],
    });
  }
  return {
    ...cameBackReport(sentAt, recipients),
    erased: rows.filter((r) => r.participantId === null).length,
    windowOpen: windowOpen(sentAt, now),
  };
}

/** The organization's campaigns, newest first, each with its report once sent. */
export async function listCampaigns(
  db: Db,
  actor: StaffActor | undefined,
  now: Date = new Date(),
): Promise<CampaignSummary[]> {
  authorize(actor, engagementRules.view);
  const campaigns = await listStored(db, actor.organizationId);
  if (campaigns.length === 0) return [];
  const facts = await loadActivityFacts(db, actor.organizationId);
  const cache = new Map<string, string[]>();
  const out: CampaignSummary[] = [];
  for (const campaign of campaigns)
    out.push({ campaign, report: await reportOf(db, actor.organizationId, campaign, facts, cache, now) });
  return out;
}

/** One campaign: its report once sent; while a draft, who it would reach now (for those who may send). */
export async function getCampaign(
  db: Db,
  actor: StaffActor | undefined,
  campaignId: string,
  now: Date = new Date(),
): Promise<CampaignSummary & { preview: RecipientPreview | null; canSend: boolean }> {
  authorize(actor, engagementRules.view);
  const campaign = await findCampaign(db, actor.organizationId, campaignId);
  if (!campaign) throw notFound();
  const canSend = can(actor, engagementRules.campaign);
  if (!campaign.sentAt) {
    return {
      campaign,
      report: null,
      preview: canSend ? await campaignRecipients(db, actor.organizationId, now) : null,
      canSend,
    };
  }
  const facts = await loadActivityFacts(db, actor.organizationId);
  const report = await reportOf(db, actor.organizationId, campaign, facts, new Map(), now);
  return { campaign, report, preview: null, canSend };
}
