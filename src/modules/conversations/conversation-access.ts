import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { StatementInput } from './conversation-input.js';
import { findConversation, hasStatementLike } from './conversations.repository.js';
import type { Conversation } from './conversations.table.js';

// Shared steps of the conversation use cases (not use cases themselves).

/** An archived initiative is read-only. */
export function assertWritable(initiative: Initiative): void {
  if (initiative.status === 'archived')
    throw new AppError('invalid_transition', {
      params: { from: ['initiatives:status.archived'], to: ['conversations:transition.changed'] },
    });
}

/** The initiative and one of its conversations; either unknown (or another organization's) is not found. */
export async function loadConversation(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  conversationId: string,
): Promise<{ initiative: Initiative; conversation: Conversation }> {
  const initiative = await getInitiative(db, actor, initiativeId);
  const conversation = await findConversation(db, actor.organizationId, conversationId);
  if (!conversation || conversation.initiativeId !== initiative.id) throw notFound();
  return { initiative, conversation };
}

/**
 * A new statement's text, checked: present, within the conversation's length limit, and not a
 * duplicate of one already there (compared ignoring case, spacing and end punctuation).
 */
export async function checkedStatementBody(
  db: Db,
  conversation: Conversation,
  raw: unknown,
): Promise<string> {
  const { body } = parseInput(StatementInput, raw);
  const text = body.replace(/\s+/g, ' ');
  const max = conversation.statementMaxLength;
  if ([...text].length > max) throw invalid([{ field: 'body', code: 'tooLong', params: { max } }]);
  if (await hasStatementLike(db, conversation.organizationId, conversation.id, text))
    throw invalid([{ field: 'body', code: 'conversations.duplicate' }]);
  return text;
}
