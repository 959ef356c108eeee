import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { DecisionInput, ResultsInput } from './experiment-input.js';
import { findExperiment, updateExperiment } from './experiments.repository.js';
import { experimentRules } from './experiments.policy.js';
import type { Experiment } from './experiments.table.js';

async function load(db: Db, actor: StaffActor, initiativeId: string, id: string): Promise<Experiment> {
  const initiative = await getInitiative(db, actor, initiativeId);
  const experiment = await findExperiment(db, actor.organizationId, initiative.id, id);
  if (!experiment) throw notFound();
  return experiment;
}

/** Records what the test with users showed; a decided experiment keeps what it was decided on. */
export async function recordResults(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  id: string,
  raw: unknown,
): Promise<Experiment> {
  authorize(actor, experimentRules.manage);
  const experiment = await load(db, actor, initiativeId, id);
  if (experiment.decision) throw new AppError('conflict');
  const input = parseInput(ResultsInput, raw);
  await updateExperiment(
    db,
    actor.organizationId,
    experiment.id,
    {
      users_tested: input.usersTested,
      user_segments: input.userSegments,
      results: input.results,
      learnings: input.learnings,
    },
    nowIso(),
  );
  return (await findExperiment(db, actor.organizationId, experiment.initiativeId, experiment.id))!;
}

/**
 * The decision gate: scale up (to business as usual), iterate or stop. No decision without
 * recorded results; scale-up also needs at least one user in the test, so nothing becomes
 * business as usual untested. Decided once.
 */
export async function decideExperiment(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  id: string,
  raw: unknown,
): Promise<Experiment> {
  authorize(actor, experimentRules.manage);
  const experiment = await load(db, actor, initiativeId, id);
  if (experiment.decision) throw new AppError('conflict');
  const input = parseInput(DecisionInput, raw);
  if (experiment.results.trim() === '') throw invalid([{ field: 'decision', code: 'experiments.noResults' }]);
  if (input.decision === 'scale_up' && experiment.usersTested < 1)
    throw invalid([{ field: 'decision', code: 'experiments.noUserTest' }]);
  const now = nowIso();
  await updateExperiment(
    db,
    actor.organizationId,
    experiment.id,
    { decision: input.decision, decision_reason: input.reason, decided_at: now },
    now,
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'experiment.decide',
    subjectType: 'experiment',
    subjectId: experiment.id,
    details: { decision: input.decision },
  });
  return (await findExperiment(db, actor.organizationId, experiment.initiativeId, experiment.id))!;
}
