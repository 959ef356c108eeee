import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import type { ConsentCheck } from '../participants/require-current-consent.js';
import { readResults, type ConversationResults } from './get-results.js';
import { listStatements, votedStatementIds } from './conversations.repository.js';
import type { Conversation } from './conversations.table.js';
import { participantAccess } from './participant-conversation.js';
import { hasVotedEnough } from './visit-conversation.js';

/** What a participant sees of the results. */
export type WhereYouStand =
  | { kind: 'needs_consent'; check: Extract<ConsentCheck, { ok: false }> }
  | { kind: 'vote_more'; conversation: Conversation; voted: number; needed: number }
  | { kind: 'results'; conversation: Conversation; results: ConversationResults; you: string };

/**
 * The opinion map for a participant who has voted enough: the stored analysis with their own key (to
 * mark "you are here"). Before that, how many more votes they need.
 */
export async function whereYouStand(
  db: Db,
  scheduler: Kysely<Database>,
  organizationId: string,
  initiativeSlug: string,
  conversationId: string,
  participantId: string | undefined,
): Promise<WhereYouStand> {
  const access = await participantAccess(db, organizationId, initiativeSlug, conversationId, participantId);
  if (!access.ok) return { kind: 'needs_consent', check: access.check };
  const { conversation, participant } = access;
  const [approved, voted] = await Promise.all([
    listStatements(db, organizationId, conversation.id, ['approved']),
    votedStatementIds(db, organizationId, conversation.id, participant.id),
  ]);
  const count = approved.filter((s) => voted.has(s.id)).length;
  if (!hasVotedEnough(count, approved.length))
    return {
      kind: 'vote_more',
      conversation,
      voted: count,
      needed: Math.min(7, Math.max(1, approved.length)),
    };
  return {
    kind: 'results',
    conversation,
    results: await readResults(db, scheduler, conversation),
    you: participant.id,
  };
}
