import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { invalid, type FieldError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { unknownIdeaIds } from '../ideas/check-idea-ids.js';
import { prototypeTitles } from '../prototypes/guest-feedback.js';
import { listTeam } from '../staff/list-team.js';
import { ExperimentInput } from './experiment-input.js';
import { findExperiment, insertExperiment } from './experiments.repository.js';
import { experimentRules } from './experiments.policy.js';
import type { Experiment } from './experiments.table.js';

/**
 * Plans an experiment or pilot in an initiative. The ideas and prototypes it tests must be the
 * initiative's (checked through their modules' use cases), the department the organization's.
 */
export async function planExperiment(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<Experiment> {
  authorize(actor, experimentRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  const input = parseInput(ExperimentInput, raw);
  const errors: FieldError[] = [];
  if (input.endsOn < input.startsOn) errors.push({ field: 'endsOn', code: 'experiments.endBeforeStart' });
  if ((await unknownIdeaIds(db, actor, initiative.id, input.ideaIds)).length > 0)
    errors.push({ field: 'ideaIds', code: 'unknownId' });
  const prototypes = await prototypeTitles(db, actor, actor.organizationId, initiative.id);
  if (input.prototypeIds.some((id) => !prototypes.has(id)))
    errors.push({ field: 'prototypeIds', code: 'unknownId' });
  if (input.departmentId && !(await listTeam(db, actor)).departments.some((d) => d.id === input.departmentId))
    errors.push({ field: 'departmentId', code: 'unknownId' });
  if (input.method === 'pilot_site' && input.pilotSite === '')
    errors.push({ field: 'pilotSite', code: 'required' });
  if (errors.length > 0) throw invalid(errors);
  const id = await insertExperiment(
    db,
    actor.organizationId,
    initiative.id,
    {
      department_id: input.departmentId ?? null,
      title: input.title,
      we_believe: input.weBelieve,
      for_whom: input.forWhom,
      will_result_in: input.willResultIn,
      measure: input.measure,
      success_criterion: input.successCriterion,
      method: input.method,
      pilot_site: input.pilotSite,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      idea_ids: JSON.stringify([...new Set(input.ideaIds)]),
      prototype_ids: JSON.stringify([...new Set(input.prototypeIds)]),
      created_by: actor.staffId,
    },
    nowIso(),
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'experiment.plan',
    subjectType: 'experiment',
    subjectId: id,
  });
  return (await findExperiment(db, actor.organizationId, initiative.id, id))!;
}
