import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { assertWritable, checkedStatementBody, loadConversation } from './conversation-access.js';
import { insertStatement } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import type { Statement } from './conversations.table.js';

/** Adds a seed statement from staff: approved at once, so the first participants have something to vote on. */
export async function seedStatement(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
  raw: unknown,
): Promise<Statement> {
  authorize(actor, conversationRules.manage);
  const { initiative, conversation } = await loadConversation(db, actor, initiativeId, conversationId);
  assertWritable(initiative);
  const body = await checkedStatementBody(db, conversation, raw);
  const statement = await insertStatement(db, actor.organizationId, conversation.id, {
    body,
    source: 'staff',
    authorParticipantId: null,
    status: 'approved',
    moderatedBy: actor.staffId,
    createdAt: nowIso(),
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'conversation.seed',
    subjectType: 'conversation_statement',
    subjectId: statement.id,
    details: { conversationId: conversation.id },
  });
  return statement;
}
