import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { DecisionInput } from './decision-input.js';
import {
  findDecision,
  insertDecision,
  updateDecisionRow,
  type DecisionFields,
} from './decisions.repository.js';
import { decisionRules } from './decisions.policy.js';
import type { Decision } from './decisions.table.js';

/** Checks a decision's input; a decision not adopted must say why, since the reason is shown publicly. */
function fieldsOf(raw: unknown): DecisionFields {
  const input = parseInput(DecisionInput, raw);
  const reason = input.notAdoptedReason.trim();
  if (input.status === 'not_adopted' && reason === '')
    throw invalid([{ field: 'notAdoptedReason', code: 'decisions.reasonRequired' }]);
  return {
    title: input.title.trim(),
    rationale: input.rationale.trim(),
    decided_by: input.decidedBy,
    decided_on: input.decidedOn,
    status: input.status,
    // A reason only means something for a decision not adopted; kept empty otherwise.
    not_adopted_reason: input.status === 'not_adopted' ? reason : '',
    topic: input.topic.trim(),
  };
}

/** Records a decision in an initiative. */
export async function recordDecision(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<Decision> {
  authorize(actor, decisionRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  const fields = fieldsOf(raw);
  const id = await insertDecision(db, actor.organizationId, initiative.id, fields, actor.staffId, nowIso());
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'decision.record',
    subjectType: 'decision',
    subjectId: id,
  });
  return (await findDecision(db, actor.organizationId, initiative.id, id))!;
}

/** Edits a decision: its text, who decided, the date, the status and the reason it was not adopted. */
export async function editDecision(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  decisionId: string,
  raw: unknown,
): Promise<Decision> {
  authorize(actor, decisionRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  if (!(await findDecision(db, actor.organizationId, initiative.id, decisionId))) throw notFound();
  const fields = fieldsOf(raw);
  await updateDecisionRow(db, actor.organizationId, decisionId, fields, nowIso());
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'decision.edit',
    subjectType: 'decision',
    subjectId: decisionId,
  });
  return (await findDecision(db, actor.organizationId, initiative.id, decisionId))!;
}
