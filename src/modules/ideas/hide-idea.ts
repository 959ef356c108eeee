import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { loadIdea } from './idea-access.js';
import { HideInput } from './idea-input.js';
import { findIdea, setCommentHidden, setIdeaHidden } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';
import type { Idea } from './ideas.table.js';

/** Hides an idea from the board with a reason its author sees; the author still sees the idea. */
export async function hideIdea(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ideaId: string,
  raw: unknown,
): Promise<Idea> {
  authorize(actor, ideaRules.moderate);
  const { initiative, idea } = await loadIdea(db, actor, initiativeId, ideaId);
  const { reason } = parseInput(HideInput, raw);
  await setIdeaHidden(db, actor.organizationId, idea.id, reason, nowIso());
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'idea.hide',
    subjectType: 'idea',
    subjectId: idea.id,
  });
  return (await findIdea(db, actor.organizationId, initiative.id, idea.id))!;
}

/** Shows a hidden idea again. */
export async function unhideIdea(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ideaId: string,
): Promise<Idea> {
  authorize(actor, ideaRules.moderate);
  const { initiative, idea } = await loadIdea(db, actor, initiativeId, ideaId);
  await setIdeaHidden(db, actor.organizationId, idea.id, null, nowIso());
  return (await findIdea(db, actor.organizationId, initiative.id, idea.id))!;
}

/** Hides a comment with a reason its author sees. */
export async function hideComment(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ideaId: string,
  commentId: string,
  raw: unknown,
): Promise<void> {
  authorize(actor, ideaRules.moderate);
  const { idea } = await loadIdea(db, actor, initiativeId, ideaId);
  const { reason } = parseInput(HideInput, raw);
  if (!(await setCommentHidden(db, actor.organizationId, idea.id, commentId, reason))) throw notFound();
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'idea.comment_hide',
    subjectType: 'idea_comment',
    subjectId: commentId,
  });
}
