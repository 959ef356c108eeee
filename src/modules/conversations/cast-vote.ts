import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { VoteInput, voteValue } from './conversation-input.js';
import { findStatement, upsertVote } from './conversations.repository.js';
import type { Conversation } from './conversations.table.js';
import { requireContributor } from './participant-conversation.js';

/**
 * A participant votes agree, disagree or pass on a statement of an open conversation. A statement that
 * waits for moderation or was hidden cannot be voted on (`statement_unavailable`); an unknown one is a
 * field error. Voting again on the same statement replaces the earlier vote (the latest counts, as in Pol.is).
 */
export async function castVote(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  conversationId: string,
  participantId: string | undefined,
  raw: unknown,
): Promise<{ conversation: Conversation }> {
  const { conversation, participant } = await requireContributor(
    db,
    organizationId,
    initiativeSlug,
    conversationId,
    participantId,
  );
  await recordParticipantVote(db, conversation, participant.id, raw);
  return { conversation };
}

/** The shared part of a participant's vote (pages and API). */
export async function recordParticipantVote(
  db: Db,
  conversation: Conversation,
  participantId: string,
  raw: unknown,
): Promise<void> {
  const input = parseInput(VoteInput, raw);
  const statement = await findStatement(db, conversation.organizationId, conversation.id, input.statementId);
  if (!statement) throw invalid([{ field: 'statementId', code: 'unknownId' }]);
  if (statement.status !== 'approved') throw new AppError('statement_unavailable');
  await upsertVote(db, conversation.organizationId, conversation.id, {
    statementId: statement.id,
    voterKey: participantId,
    participantId,
    vote: voteValue[input.vote],
    votedAt: nowIso(),
  });
}
