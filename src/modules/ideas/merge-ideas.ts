import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { assertWritable, loadIdea } from './idea-access.js';
import { MergeInput } from './idea-input.js';
import { findIdea, findIdeaInOrganization, mergeIdeaRows } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';
import type { Idea } from './ideas.table.js';

/**
 * Merges a duplicate into the idea kept: its comments and supporters (each person once) move to
 * the kept idea, and the duplicate points to it. Refused: into itself, into an idea of another
 * initiative, into an idea that was itself merged away, or merging an idea already merged.
 */
export async function mergeIdeas(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  duplicateId: string,
  raw: unknown,
): Promise<Idea> {
  authorize(actor, ideaRules.moderate);
  const { initiative, idea: duplicate } = await loadIdea(db, actor, initiativeId, duplicateId);
  assertWritable(initiative);
  if (duplicate.mergedIntoId !== null) throw notFound();
  const { targetId } = parseInput(MergeInput, raw);
  if (targetId === duplicate.id) throw invalid([{ field: 'targetId', code: 'ideas.mergeSelf' }]);
  // Another organization's idea is as unknown as a made-up id.
  const target = await findIdeaInOrganization(db, actor.organizationId, targetId);
  if (!target) throw invalid([{ field: 'targetId', code: 'unknownId' }]);
  if (target.initiativeId !== initiative.id)
    throw invalid([{ field: 'targetId', code: 'ideas.mergeOtherInitiative' }]);
  if (target.mergedIntoId !== null) throw invalid([{ field: 'targetId', code: 'ideas.mergeIntoMerged' }]);
  const moved = await mergeIdeaRows(db, actor.organizationId, duplicate.id, target.id, nowIso());
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'idea.merge',
    subjectType: 'idea',
    subjectId: duplicate.id,
    details: { into: target.id, ...moved },
  });
  return (await findIdea(db, actor.organizationId, initiative.id, target.id))!;
}
