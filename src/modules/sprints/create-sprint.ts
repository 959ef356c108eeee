import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { SprintInput } from './sprint-input.js';
import { findSprint, insertSprint, logActivity } from './sprints.repository.js';
import { sprintRules } from './sprints.policy.js';
import type { SprintsTable } from './sprints.table.js';

/** Starts a sprint in an initiative: a delimited challenge, what is in and out of scope, a timebox. */
export async function createSprint(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<SprintsTable> {
  authorize(actor, sprintRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  const input = parseInput(SprintInput, raw);
  if (input.endsOn < input.startsOn) throw invalid([{ field: 'endsOn', code: 'sprints.endBeforeStart' }]);
  const now = nowIso();
  const id = await insertSprint(
    db,
    actor.organizationId,
    initiative.id,
    {
      challenge: input.challenge,
      in_scope: input.inScope,
      out_of_scope: input.outOfScope,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
    },
    { createdBy: actor.staffId, now },
  );
  await logActivity(db, actor.organizationId, id, { who: actor.name, action: 'created' }, now);
  return (await findSprint(db, actor.organizationId, id))!;
}
