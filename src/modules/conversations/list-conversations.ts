import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { listConversationRows } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import type { Conversation } from './conversations.table.js';

/** An initiative's conversations for staff, newest first. */
export async function listConversations(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{ initiative: Initiative; conversations: Conversation[]; canManage: boolean }> {
  authorize(actor, conversationRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const conversations = await listConversationRows(db, actor.organizationId, initiative.id);
  return { initiative, conversations, canManage: can(actor, conversationRules.manage) };
}
