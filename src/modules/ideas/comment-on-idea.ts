import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { assertOpenForInput, assertWritable, loadIdea, participantGate } from './idea-access.js';
import { CommentInput } from './idea-input.js';
import { findIdea, insertComment, type Writer } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';
import type { Idea } from './ideas.table.js';

async function comment(db: Db, initiative: Initiative, idea: Idea, writer: Writer, raw: unknown) {
  assertWritable(initiative);
  assertOpenForInput(idea);
  const input = parseInput(CommentInput, raw);
  return insertComment(db, initiative.organizationId, idea.id, input.body, writer, nowIso());
}

/** A participant comments on a visible idea of an initiative they joined; returns the comment id. */
export async function commentAsParticipant(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
  ideaId: string,
  raw: unknown,
): Promise<string> {
  const { initiative, participant } = await participantGate(
    db,
    organizationId,
    initiativeSlug,
    participantId,
  );
  const idea = await findIdea(db, organizationId, initiative.id, ideaId);
  if (!idea) throw notFound();
  return comment(db, initiative, idea, { participantId: participant.id }, raw);
}

/** A staff member comments on an idea; returns the comment id. */
export async function commentAsStaff(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ideaId: string,
  raw: unknown,
): Promise<string> {
  authorize(actor, ideaRules.contribute);
  const { initiative, idea } = await loadIdea(db, actor, initiativeId, ideaId);
  return comment(db, initiative, idea, { staffId: actor.staffId }, raw);
}
