import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { parseInput } from '../../platform/validation.js';
import { CampaignInput } from './campaign-input.js';
import { engagementRules } from './engagement.policy.js';
import { insertCampaign } from './engagement.repository.js';
import type { Campaign } from './engagement.table.js';
import { lapsedAfterDaysOf } from './lapse-setting.js';

/** Writes a draft "we miss you" campaign (text in both languages), to preview before it is sent. */
export async function createCampaign(db: Db, actor: StaffActor | undefined, raw: unknown): Promise<Campaign> {
  authorize(actor, engagementRules.campaign);
  const input = parseInput(CampaignInput, raw);
  const campaign = await insertCampaign(
    db,
    actor.organizationId,
    { ...input, lapsedAfterDays: await lapsedAfterDaysOf(db, actor.organizationId) },
    actor.staffId,
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'engagement.campaign.create',
    subjectType: 'engagement_campaign',
    subjectId: campaign.id,
  });
  return campaign;
}
