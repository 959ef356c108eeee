import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { loadConversation } from './conversation-access.js';
import { ModerationInput } from './conversation-input.js';
import { findStatement, setStatementStatus } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import { hideReasons, type Statement } from './conversations.table.js';

/**
 * Approves a statement (it joins the vote) or hides it with one of the moderation reasons (it leaves
 * the vote and the results; its votes are kept so the decision can be undone).
 */
export async function moderateStatement(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
  statementId: string,
  raw: unknown,
): Promise<Statement> {
  authorize(actor, conversationRules.moderate);
  const { conversation } = await loadConversation(db, actor, initiativeId, conversationId);
  const statement = await findStatement(db, actor.organizationId, conversation.id, statementId);
  if (!statement) throw notFound();
  const input = parseInput(ModerationInput, raw);
  const reason = input.decision === 'hide' ? input.reason : '';
  if (input.decision === 'hide' && !(hideReasons as readonly string[]).includes(reason))
    throw invalid([{ field: 'reason', code: reason === '' ? 'required' : 'invalidChoice' }]);
  const at = nowIso();
  const status = input.decision === 'approve' ? 'approved' : 'hidden';
  await setStatementStatus(db, actor.organizationId, statement.id, {
    status,
    reason,
    by: actor.staffId,
    at,
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: `conversation.statement.${input.decision}`,
    subjectType: 'conversation_statement',
    subjectId: statement.id,
    details: { conversationId: conversation.id, ...(reason ? { reason } : {}) },
  });
  return { ...statement, status, moderationReason: reason, moderatedAt: at };
}
