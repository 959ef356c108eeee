import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { parseInput } from '../../platform/validation.js';
import { assertWritable, loadConversation } from './conversation-access.js';
import { ConversationInput } from './conversation-input.js';
import { findConversation, updateConversationRow } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import type { Conversation } from './conversations.table.js';

/** Changes a conversation's question, topic, statement limit or moderation mode (statements stay as they are). */
export async function updateConversation(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
  raw: unknown,
): Promise<Conversation> {
  authorize(actor, conversationRules.manage);
  const { initiative, conversation } = await loadConversation(db, actor, initiativeId, conversationId);
  assertWritable(initiative);
  const input = parseInput(ConversationInput, raw);
  await updateConversationRow(
    db,
    actor.organizationId,
    conversation.id,
    {
      question: input.question,
      topic: input.topic,
      statement_max_length: input.statementMaxLength,
      moderation: input.moderation,
    },
    nowIso(),
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'conversation.update',
    subjectType: 'conversation',
    subjectId: conversation.id,
  });
  return (await findConversation(db, actor.organizationId, conversation.id))!;
}
