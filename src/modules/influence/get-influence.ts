import type { Db } from '../../db/database.js';
import {
  combineInfluenceData,
  computeInfluence,
  defaultThresholds,
  type InfluenceMetrics,
  type TokenRiskThresholds,
} from '../../analysis/influence/index.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { getInitiative, listStaffInitiatives } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { closingDate, gatherInfluenceData } from './gather-influence-data.js';
import { influenceRules } from './influence.policy.js';
import { findThresholds } from './influence.repository.js';

/** One initiative's metrics with what identifies it. */
export interface InitiativeInfluence {
  initiative: Pick<Initiative, 'id' | 'title' | 'status'> & { closedAt: string | null };
  metrics: InfluenceMetrics;
}

/** An organization's metrics: the combined figures and each initiative with its flag. */
export interface OrganizationInfluence {
  thresholds: TokenRiskThresholds;
  metrics: InfluenceMetrics;
  /** How many initiatives carry the token-risk flag. */
  flagged: number;
  initiatives: InitiativeInfluence[];
  canConfigure: boolean;
}

function identity(initiative: Initiative): InitiativeInfluence['initiative'] {
  return {
    id: initiative.id,
    title: initiative.title,
    status: initiative.status,
    closedAt: closingDate(initiative),
  };
}

/** The influence metrics and token-risk flag of one initiative, for staff who may see them. */
export async function getInitiativeInfluence(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  now: string = nowIso(),
): Promise<InitiativeInfluence & { thresholds: TokenRiskThresholds; canConfigure: boolean }> {
  authorize(actor, influenceRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const thresholds = (await findThresholds(db, actor.organizationId)) ?? defaultThresholds;
  const data = (await gatherInfluenceData(db, actor, [initiative], initiative.id)).get(initiative.id)!;
  return {
    initiative: identity(initiative),
    metrics: computeInfluence(data, now, thresholds),
    thresholds,
    canConfigure: can(actor, influenceRules.configure),
  };
}

/**
 * The organization's influence metrics over all its initiatives, and each initiative's own, most
 * recently updated first.
 */
export async function getOrganizationInfluence(
  db: Db,
  actor: StaffActor | undefined,
  now: string = nowIso(),
): Promise<OrganizationInfluence> {
  authorize(actor, influenceRules.view);
  const initiatives = await listStaffInitiatives(db, actor);
  const thresholds = (await findThresholds(db, actor.organizationId)) ?? defaultThresholds;
  const data = await gatherInfluenceData(db, actor, initiatives, null);
  const each = initiatives.map((initiative) => ({
    initiative: identity(initiative),
    metrics: computeInfluence(data.get(initiative.id)!, now, thresholds),
  }));
  return {
    thresholds,
    metrics: computeInfluence(combineInfluenceData([...data.values()]), now, thresholds),
    flagged: each.filter((i) => i.metrics.tokenRisk).length,
    initiatives: each,
    canConfigure: can(actor, influenceRules.configure),
  };
}
