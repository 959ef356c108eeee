import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { assertWritable, loadIdea } from './idea-access.js';
import { StatusInput } from './idea-input.js';
import { findIdea, updateStatus } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';
import type { Idea } from './ideas.table.js';

/**
 * Moves an idea to another status with a reason shown publicly; "not adopted" needs a reason, so
 * nobody's idea is turned down without being told why. A merged idea follows the kept one instead.
 */
export async function changeIdeaStatus(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ideaId: string,
  raw: unknown,
): Promise<Idea> {
  authorize(actor, ideaRules.moderate);
  const { initiative, idea } = await loadIdea(db, actor, initiativeId, ideaId);
  assertWritable(initiative);
  if (idea.mergedIntoId !== null) throw notFound();
  const input = parseInput(StatusInput, raw);
  if (input.status === 'not_adopted' && input.reason === '')
    throw invalid([{ field: 'reason', code: 'ideas.reasonRequired' }]);
  await updateStatus(db, actor.organizationId, idea.id, input.status, input.reason, nowIso());
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'idea.status',
    subjectType: 'idea',
    subjectId: idea.id,
    details: { from: idea.status, to: input.status },
  });
  return (await findIdea(db, actor.organizationId, initiative.id, idea.id))!;
}
