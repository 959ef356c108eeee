import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { loadConversation } from './conversation-access.js';
import { listStatements, voteCountsByStatement } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import type { Conversation, Statement } from './conversations.table.js';

/** A statement with its vote counts, for staff. */
export interface StatementWithVotes extends Statement {
  agree: number;
  disagree: number;
  pass: number;
}

/** A conversation for staff: its statements (moderation queue first) with vote counts, and what the viewer may do. */
export async function getConversation(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
): Promise<{
  initiative: Initiative;
  conversation: Conversation;
  statements: StatementWithVotes[];
  queue: StatementWithVotes[];
  canManage: boolean;
  canModerate: boolean;
}> {
  authorize(actor, conversationRules.view);
  const { initiative, conversation } = await loadConversation(db, actor, initiativeId, conversationId);
  const [rows, counts] = await Promise.all([
    listStatements(db, actor.organizationId, conversation.id),
    voteCountsByStatement(db, actor.organizationId, conversation.id),
  ]);
  const statements = rows.map((s) => ({ ...s, ...(counts.get(s.id) ?? { agree: 0, disagree: 0, pass: 0 }) }));
  return {
    initiative,
    conversation,
    statements,
    queue: statements.filter((s) => s.status === 'pending'),
    canManage: can(actor, conversationRules.manage),
    canModerate: can(actor, conversationRules.moderate),
  };
}
