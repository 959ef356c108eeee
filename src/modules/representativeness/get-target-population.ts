import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { representativenessRules } from './representativeness.policy.js';
import { targetPopulationsOf } from './representativeness.repository.js';
import type { TargetPopulation } from './representativeness.table.js';

/** An initiative's target population margins (by attribute), for weighting its results. */
export async function getTargetPopulation(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<TargetPopulation[]> {
  authorize(actor, representativenessRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  return targetPopulationsOf(db, actor.organizationId, initiative.id);
}
