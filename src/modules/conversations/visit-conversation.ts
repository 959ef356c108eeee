import type { Db } from '../../db/database.js';
import type { ConsentCheck } from '../participants/require-current-consent.js';
import { chooseNextStatement } from './choose-next-statement.js';
import { listStatements, voteCountsByStatement, votedStatementIds } from './conversations.repository.js';
import type { Conversation, Statement } from './conversations.table.js';
import { participantAccess } from './participant-conversation.js';

/** Votes a participant casts before they see where they stand (Pol.is clusters people with 7). */
export const VOTES_FOR_MAP = 7;

/** Where a participant stands with a conversation. */
export type ConversationVisit =
  | { kind: 'needs_consent'; check: Extract<ConsentCheck, { ok: false }> }
  | {
      kind: 'voting';
      conversation: Conversation;
      /** The statement to vote on now, or undefined when they have voted on all. */
      next: Statement | undefined;
      voted: number;
      statements: number;
      /** Their statements still waiting for moderation. */
      waiting: Statement[];
      canSeeMap: boolean;
    };

/** Whether someone who voted `voted` times of `statements` approved ones has voted enough to see the map. */
export function hasVotedEnough(voted: number, statements: number): boolean {
  return voted > 0 && voted >= Math.min(VOTES_FOR_MAP, statements);
}

/**
 * What a participant sees when they open a conversation: the consent gate, or the next statement to vote
 * on (chosen by `chooseNextStatement`), how far they are, their statements waiting for moderation, and
 * whether they have voted enough to see where they stand. A closed conversation shows no next statement.
 */
export async function visitConversation(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  conversationId: string,
  participantId: string | undefined,
): Promise<ConversationVisit> {
  const access = await participantAccess(db, organizationId, initiativeSlug, conversationId, participantId);
  if (!access.ok) return { kind: 'needs_consent', check: access.check };
  const { conversation, participant } = access;
  const [all, counts, voted] = await Promise.all([
    listStatements(db, organizationId, conversation.id),
    voteCountsByStatement(db, organizationId, conversation.id),
    votedStatementIds(db, organizationId, conversation.id, participant.id),
  ]);
  const approved = all.filter((s) => s.status === 'approved');
  const votes = (id: string) => {
    const c = counts.get(id);
    return c ? c.agree + c.disagree + c.pass : 0;
  };
  const pick =
    conversation.status === 'open'
      ? chooseNextStatement(
          approved.map((s) => ({ id: s.id, number: s.number, votes: votes(s.id) })),
          voted,
        )
      : undefined;
  const votedApproved = approved.filter((s) => voted.has(s.id)).length;
  return {
    kind: 'voting',
    conversation,
    next: pick ? approved.find((s) => s.id === pick.id) : undefined,
    voted: votedApproved,
    statements: approved.length,
    waiting: all.filter((s) => s.status === 'pending' && s.authorParticipantId === participant.id),
    canSeeMap: hasVotedEnough(votedApproved, approved.length),
  };
}
