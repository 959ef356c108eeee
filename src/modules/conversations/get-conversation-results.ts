import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { loadConversation } from './conversation-access.js';
import { readResults, type ConversationResults } from './get-results.js';
import { countVotes } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import type { Conversation } from './conversations.table.js';

/** A conversation's results for staff (the results page, the printable report and the API). */
export async function getConversationResults(
  db: Db,
  scheduler: Kysely<Database>,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
): Promise<{
  initiative: Initiative;
  conversation: Conversation;
  results: ConversationResults;
  votes: number;
}> {
  authorize(actor, conversationRules.view);
  const { initiative, conversation } = await loadConversation(db, actor, initiativeId, conversationId);
  const results = await readResults(db, scheduler, conversation);
  const votes = await countVotes(db, actor.organizationId, conversation.id);
  return { initiative, conversation, results, votes };
}
