import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { Locale, Translate } from '../../platform/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { listOpenPublicInitiatives } from '../initiatives/public-initiatives.js';
import { getOrganization } from '../organizations/get-organization.js';
import { myDataPath } from '../participants/paths.js';
import { campaignRecipients } from './campaign-recipients.js';
import { engagementRules } from './engagement.policy.js';
import { findCampaign, insertRecipients, markCampaignSent } from './engagement.repository.js';
import type { Campaign } from './engagement.table.js';

/** Where mail links point and how to write in each language. */
export interface CampaignMailOptions {
  publicUrl: string;
  translatorFor: (locale: Locale) => Translate;
}

/** The plain-text mail of a campaign in one language: the message, the open initiatives, why and how to stop. */
export function campaignMailText(
  campaign: Campaign,
  locale: Locale,
  org: { name: string; slug: string },
  initiatives: readonly { title: string; slug: string }[],
  mail: CampaignMailOptions,
): { subject: string; text: string } {
  const t = mail.translatorFor(locale);
  const links = initiatives.map(
    (i) =>
      `- ${i.title}: ${mail.publicUrl}/o/${encodeURIComponent(org.slug)}/i/${encodeURIComponent(i.slug)}`,
  );
  return {
    subject: locale === 'da' ? campaign.subjectDa : campaign.subjectEn,
    text: [
      locale === 'da' ? campaign.bodyDa : campaign.bodyEn,
      [t('engagement:mail.openInitiatives'), ...links].join('\n'),
      t('engagement:mail.why', { organization: org.name }),
      t('engagement:mail.stop', { link: `${mail.publicUrl}${myDataPath(org.slug)}` }),
    ].join('\n\n'),
  };
}

/**
 * Sends a draft campaign: one mail per recipient through the outbox, in their language, pointing to
 * the organization's open public initiatives, and records who was sent it. Refused when it was sent
 * before (`campaign_already_sent`), when no initiative is open, or when nobody may be written to.
 * Plain text only: no tracking pixels and no tracked links. Returns how many mails were queued.
 */
export async function sendCampaign(
  db: Db,
  actor: StaffActor | undefined,
  campaignId: string,
  mail: CampaignMailOptions,
  now: Date = new Date(),
): Promise<number> {
  authorize(actor, engagementRules.campaign);
  const campaign = await findCampaign(db, actor.organizationId, campaignId);
  if (!campaign) throw notFound();
  if (campaign.sentAt) throw new AppError('campaign_already_sent');
  const org = await getOrganization(db, actor.organizationId);
  const initiatives = await listOpenPublicInitiatives(db, org.id);
  if (initiatives.length === 0) throw invalid([{ field: 'send', code: 'engagement.noOpenInitiatives' }]);
  const preview = await campaignRecipients(db, org.id, now);
  if (preview.recipients.length === 0) throw invalid([{ field: 'send', code: 'engagement.nobodyToSend' }]);
  const at = now.toISOString();
  if (!(await markCampaignSent(db, org.id, campaign.id, actor.staffId, at, preview.lapsedAfterDays)))
    throw new AppError('campaign_already_sent');
  await insertRecipients(
    db,
    org.id,
    campaign.id,
    preview.recipients.map((r) => ({
      participantId: r.participantId,
      locale: r.locale,
      segment: 'lapsed',
      lastActivityAt: r.lastActivityAt,
    })),
    at,
  );
  for (const r of preview.recipients) {
    const { subject, text } = campaignMailText(campaign, r.locale, org, initiatives, mail);
    await enqueueMail(db, { organizationId: org.id, to: r.email, subject, text });
  }
  await recordAudit(db, {
    organizationId: org.id,
    staffId: actor.staffId,
    action: 'engagement.campaign.send',
    subjectType: 'engagement_campaign',
    subjectId: campaign.id,
    details: { recipients: preview.recipients.length },
  });
  return preview.recipients.length;
}
