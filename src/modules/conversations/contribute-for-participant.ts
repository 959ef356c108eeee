import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { AppError, invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { requireCurrentConsent } from '../participants/require-current-consent.js';
import { recordParticipantVote } from './cast-vote.js';
import { loadConversation } from './conversation-access.js';
import { VoteInput } from './conversation-input.js';
import { conversationRules } from './conversations.policy.js';
import { seedStatement } from './seed-statement.js';
import type { Conversation, Statement } from './conversations.table.js';
import { addParticipantStatement } from './submit-statement.js';

/** A vote entered through the API for a participant. */
export const ApiVoteInput = Type.Composite([
  Type.Object({ participantId: Type.String({ minLength: 1, maxLength: 64 }) }),
  VoteInput,
]);
export type ApiVoteInput = Static<typeof ApiVoteInput>;

/** A statement entered through the API: for a participant, or without one a seed statement from staff. */
export const ApiStatementInput = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 1000 }),
  participantId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
});
export type ApiStatementInput = Static<typeof ApiStatementInput>;

/** The open conversation and a participant who accepted the initiative's current consent. */
async function contributor(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  conversationId: string,
  participantId: string,
): Promise<Conversation> {
  const { initiative, conversation } = await loadConversation(db, actor, initiativeId, conversationId);
  if (conversation.status !== 'open') throw new AppError('conversation_closed');
  const check = await requireCurrentConsent(db, actor.organizationId, initiative.slug, participantId);
  if (!check.ok) throw invalid([{ field: 'participantId', code: 'unknownId' }]);
  return conversation;
}

/** Records a participant's vote through the API, under the same rules as the vote page. */
export async function voteForParticipant(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
  raw: unknown,
): Promise<Conversation> {
  authorize(actor, conversationRules.collect);
  const input = parseInput(ApiVoteInput, raw);
  const conversation = await contributor(db, actor, initiativeId, conversationId, input.participantId);
  await recordParticipantVote(db, conversation, input.participantId, {
    statementId: input.statementId,
    vote: input.vote,
  });
  return conversation;
}

/**
 * Adds a participant's statement through the API (same checks, moderation and flood limit as the page);
 * without a participant it is a seed statement, which only those who manage conversations may add.
 */
export async function addStatementForParticipant(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
  raw: unknown,
): Promise<{ conversation: Conversation; statement: Statement }> {
  authorize(actor, conversationRules.collect);
  const input = parseInput(ApiStatementInput, raw);
  if (input.participantId === undefined) {
    const statement = await seedStatement(db, actor, initiativeId, conversationId, { body: input.body });
    const { conversation } = await loadConversation(db, actor, initiativeId, conversationId);
    return { conversation, statement };
  }
  const conversation = await contributor(db, actor, initiativeId, conversationId, input.participantId);
  const statement = await addParticipantStatement(db, conversation, input.participantId, {
    body: input.body,
  });
  return { conversation, statement };
}
