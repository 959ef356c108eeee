import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { assertWritable } from './conversation-access.js';
import { ConversationInput } from './conversation-input.js';
import { findConversation, insertConversation } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import type { Conversation } from './conversations.table.js';

/** Creates a draft conversation in an initiative: its question, topic, statement limit and moderation mode. */
export async function createConversation(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<Conversation> {
  authorize(actor, conversationRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  assertWritable(initiative);
  const input = parseInput(ConversationInput, raw);
  const id = await insertConversation(
    db,
    actor.organizationId,
    initiative.id,
    {
      question: input.question,
      topic: input.topic,
      statement_max_length: input.statementMaxLength,
      moderation: input.moderation,
    },
    { createdBy: actor.staffId, now: nowIso() },
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'conversation.create',
    subjectType: 'conversation',
    subjectId: id,
    details: { initiativeId: initiative.id },
  });
  return (await findConversation(db, actor.organizationId, id))!;
}
