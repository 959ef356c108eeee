import type { Db } from '../../db/database.js';
import { listConversationRows } from './conversations.repository.js';

/** The open conversations of an initiative, for its public page (no sign-in: questions only). */
export async function listOpenConversations(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<{ id: string; question: string }[]> {
  const rows = await listConversationRows(db, organizationId, initiativeId);
  return rows.filter((c) => c.status === 'open').map((c) => ({ id: c.id, question: c.question }));
}
