import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { InitiativePatch, validatePlan, type InitiativeInput } from './initiative-input.js';
import { findInitiative, updateInitiativeFields } from './initiatives.repository.js';
import { initiativeRules } from './initiatives.policy.js';
import type { Initiative } from './initiatives.table.js';
import { fieldsOf, writePlanChildren } from './write-plan.js';
import { forgetInitiativeIntake } from './get-initiative-intake.js';

/** The current plan as input, so a partial update can be merged onto it. */
export function planOf(initiative: Initiative): InitiativeInput {
  return {
    title: initiative.title,
    summary: initiative.summary,
    purpose: initiative.purpose,
    objectives: initiative.objectives,
    targetGroup: initiative.targetGroup,
    formOfInvolvement: initiative.formOfInvolvement,
    influenceLevel: initiative.influenceLevel,
    visibility: initiative.visibility,
    feedbackPlan: initiative.feedbackPlan,
    consentText: initiative.consent?.body ?? '',
    responsibleStaffId: initiative.responsibleStaffId,
    departmentIds: initiative.departmentIds,
    phases: initiative.phases.map((p) => ({ name: p.name, startsOn: p.startsOn, endsOn: p.endsOn })),
  };
}

/**
 * Updates an initiative's plan. `partial` (API PATCH) merges the given fields onto the current
 * plan; otherwise the input is the whole plan (the edit form). Archived initiatives are read-only.
 */
export async function updateInitiative(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
  raw: unknown,
  options: { partial?: boolean } = {},
): Promise<Initiative> {
  authorize(actor, initiativeRules.manage);
  const current = await findInitiative(db, actor.organizationId, id);
  if (!current) throw notFound();
  if (current.status === 'archived')
    throw new AppError('invalid_transition', {
      params: { from: ['initiatives:status.archived'], to: ['initiatives:status.edited'] },
    });
  const merged = options.partial ? { ...planOf(current), ...parseInput(InitiativePatch, raw) } : raw;
  const input = await validatePlan(db, actor.organizationId, merged);
  await updateInitiativeFields(db, actor.organizationId, id, fieldsOf(input));
  await writePlanChildren(db, actor.organizationId, id, input, current.consent);
  forgetInitiativeIntake(actor.organizationId, id);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'initiative.update',
    subjectType: 'initiative',
    subjectId: id,
  });
  return (await findInitiative(db, actor.organizationId, id))!;
}
