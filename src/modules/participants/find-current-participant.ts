import type { Db } from '../../db/database.js';
import { findParticipant } from './participants.repository.js';
import type { Participant } from './participants.table.js';

/**
 * The participant a cookie names, if it belongs to this organization and was not erased; any
 * other id (a stale or foreign one) means "nobody", never an error.
 */
export async function findCurrentParticipant(
  db: Db,
  organizationId: string,
  participantId: string | undefined,
): Promise<Participant | undefined> {
  if (!participantId) return undefined;
  const participant = await findParticipant(db, organizationId, participantId);
  return participant && !participant.erasedAt ? participant : undefined;
}
