import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { findExperiment, listExperimentRows } from './experiments.repository.js';
import { experimentRules } from './experiments.policy.js';
import type { Experiment } from './experiments.table.js';

/** An initiative's experiments for staff. */
export async function listExperiments(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{ initiative: Initiative; experiments: Experiment[]; canManage: boolean }> {
  authorize(actor, experimentRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  return {
    initiative,
    experiments: await listExperimentRows(db, actor.organizationId, initiative.id),
    canManage: can(actor, experimentRules.manage),
  };
}

/** One experiment for staff. */
export async function getExperiment(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  id: string,
): Promise<{ initiative: Initiative; experiment: Experiment; canManage: boolean }> {
  authorize(actor, experimentRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const experiment = await findExperiment(db, actor.organizationId, initiative.id, id);
  if (!experiment) throw notFound();
  return { initiative, experiment, canManage: can(actor, experimentRules.manage) };
}
