import type { Db } from '../../src/db/database.js';
import type { StaffActor } from '../../src/platform/actor.js';
import { changeConversationStatus } from '../../src/modules/conversations/change-conversation-status.js';
import { createConversation } from '../../src/modules/conversations/create-conversation.js';
import { seedStatement } from '../../src/modules/conversations/seed-statement.js';
import type { Conversation, Statement } from '../../src/modules/conversations/conversations.table.js';

/** Seed statements used by default: short, clearly different opinions. */
export const SEED_STATEMENTS = [
  'The library should open on Sundays.',
  'Children need a quiet corner to read.',
  'More computers would help job seekers.',
  'Fines for late books should go.',
];

/** A conversation built through its use cases, open by default, with seed statements. */
export async function buildConversation(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  options: {
    question?: string;
    moderation?: 'before' | 'after';
    statementMaxLength?: number;
    seeds?: string[];
    open?: boolean;
  } = {},
): Promise<{ conversation: Conversation; statements: Statement[] }> {
  let conversation = await createConversation(db, actor, initiativeId, {
    question: options.question ?? 'How can the library serve you better?',
    topic: 'We are planning next year.',
    statementMaxLength: options.statementMaxLength ?? 140,
    moderation: options.moderation ?? 'before',
  });
  const statements: Statement[] = [];
  for (const body of options.seeds ?? SEED_STATEMENTS)
    statements.push(await seedStatement(db, actor, initiativeId, conversation.id, { body }));
  if (options.open ?? true)
    conversation = await changeConversationStatus(db, actor, initiativeId, conversation.id, 'open');
  return { conversation, statements };
}
