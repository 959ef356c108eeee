import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { requireCurrentConsent } from '../participants/require-current-consent.js';
import type { Participant } from '../participants/participants.table.js';
import { findIdea } from './ideas.repository.js';
import type { Idea } from './ideas.table.js';

// Shared steps of the idea use cases (not use cases themselves).

/** An archived initiative's board is read-only. */
export function assertWritable(initiative: Initiative): void {
  if (initiative.status === 'archived')
    throw new AppError('invalid_transition', {
      params: { from: ['initiatives:status.archived'], to: ['ideas:transition.changed'] },
    });
}

/** The initiative (of the actor's organization) and one of its ideas; otherwise not found. */
export async function loadIdea(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  ideaId: string,
): Promise<{ initiative: Initiative; idea: Idea }> {
  const initiative = await getInitiative(db, actor, initiativeId);
  const idea = await findIdea(db, actor.organizationId, initiative.id, ideaId);
  if (!idea) throw notFound();
  return { initiative, idea };
}

/**
 * The open initiative and the participant who may contribute to it now; someone who has not
 * accepted its current consent gets `consent_required` (pages send them to the join page).
 */
export async function participantGate(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
): Promise<{ initiative: Initiative; participant: Participant }> {
  const check = await requireCurrentConsent(db, organizationId, initiativeSlug, participantId);
  if (!check.ok) throw new AppError('consent_required');
  return { initiative: check.initiative, participant: check.participant };
}

/** An idea that can take comments and supports: visible and not merged away. */
export function assertOpenForInput(idea: Idea): void {
  if (idea.hiddenReason !== null || idea.mergedIntoId !== null) throw notFound();
}
