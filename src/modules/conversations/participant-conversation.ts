import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { requireCurrentConsent, type ConsentCheck } from '../participants/require-current-consent.js';
import type { Participant } from '../participants/participants.table.js';
import { findConversation } from './conversations.repository.js';
import type { Conversation } from './conversations.table.js';

// Shared steps of the participant use cases (not use cases themselves).

/** A conversation as a participant reaches it: the consent gate passed, or where to send them. */
export type ParticipantAccess =
  | { ok: false; check: Extract<ConsentCheck, { ok: false }>; conversation: Conversation }
  | { ok: true; initiative: Initiative; participant: Participant; conversation: Conversation };

/**
 * The conversation of an open initiative that a participant opens: a draft or unknown one is not found
 * (even before consent, so links cannot probe for ids); the participant must have accepted the
 * initiative's current consent.
 */
export async function participantAccess(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  conversationId: string,
  participantId: string | undefined,
): Promise<ParticipantAccess> {
  const check = await requireCurrentConsent(db, organizationId, initiativeSlug, participantId);
  const conversation = await findConversation(db, organizationId, conversationId);
  if (!conversation || conversation.initiativeId !== check.initiative.id || conversation.status === 'draft')
    throw notFound();
  if (!check.ok) return { ok: false, check, conversation };
  return { ok: true, initiative: check.initiative, participant: check.participant, conversation };
}

/** Like `participantAccess`, for contributing: consent is required and the conversation must be open. */
export async function requireContributor(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  conversationId: string,
  participantId: string | undefined,
): Promise<Extract<ParticipantAccess, { ok: true }>> {
  const access = await participantAccess(db, organizationId, initiativeSlug, conversationId, participantId);
  if (!access.ok) throw new AppError('consent_required');
  if (access.conversation.status !== 'open') throw new AppError('conversation_closed');
  return access;
}
