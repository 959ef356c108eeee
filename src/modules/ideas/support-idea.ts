import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { assertOpenForInput, assertWritable, loadIdea, participantGate } from './idea-access.js';
import { findIdea, insertSupport, type Writer } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';
import type { Idea } from './ideas.table.js';

async function support(db: Db, initiative: Initiative, idea: Idea, writer: Writer): Promise<Idea> {
  assertWritable(initiative);
  assertOpenForInput(idea);
  const stored = await insertSupport(db, initiative.organizationId, idea.id, writer, nowIso());
  if (!stored) throw new AppError('already_supported');
  return (await findIdea(db, initiative.organizationId, initiative.id, idea.id))!;
}

/** A participant supports an idea, once: a second support is refused with `already_supported`. */
export async function supportAsParticipant(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
  ideaId: string,
): Promise<Idea> {
  const { initiative, participant } = await participantGate(
    db,
    organizationId,
    initiativeSlug,
    participantId,
  );
  const idea = await findIdea(db, organizationId, initiative.id, ideaId);
  if (!idea) throw notFound();
  return support(db, initiative, idea, { participantId: participant.id });
}

/** A staff member supports an idea, once. */
export async function supportAsStaff(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ideaId: string,
): Promise<Idea> {
  authorize(actor, ideaRules.contribute);
  const { initiative, idea } = await loadIdea(db, actor, initiativeId, ideaId);
  return support(db, initiative, idea, { staffId: actor.staffId });
}
