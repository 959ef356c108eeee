import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { assertWritable, loadConversation } from './conversation-access.js';
import { findConversation, updateConversationRow } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import type { Conversation, ConversationStatus } from './conversations.table.js';

/** The changes of status staff can make: open a draft or a closed conversation, close an open one. */
const allowed: Record<'open' | 'close', { from: ConversationStatus[]; to: ConversationStatus }> = {
  open: { from: ['draft', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
};

/** Opens or closes a conversation; anything else is `invalid_transition`. */
export async function changeConversationStatus(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
  action: 'open' | 'close',
): Promise<Conversation> {
  authorize(actor, conversationRules.manage);
  const { initiative, conversation } = await loadConversation(db, actor, initiativeId, conversationId);
  assertWritable(initiative);
  const rule = allowed[action];
  if (!rule.from.includes(conversation.status))
    throw new AppError('invalid_transition', {
      params: {
        from: [`conversations:status.${conversation.status}`],
        to: [`conversations:transition.${action}`],
      },
    });
  await updateConversationRow(db, actor.organizationId, conversation.id, { status: rule.to }, nowIso());
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: `conversation.${action}`,
    subjectType: 'conversation',
    subjectId: conversation.id,
  });
  return (await findConversation(db, actor.organizationId, conversation.id))!;
}
