import type { Db } from '../../db/database.js';
import { unlinkParticipantFromLinks } from './decisions.repository.js';

/**
 * Forgets an erased participant as the contributor of linked inputs: the links stay (the decision was
 * still shaped by the input), connected to nobody, so nobody is told or counted as them. Part of
 * erasure, in its transaction.
 */
export async function unlinkMyDecisionLinks(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await unlinkParticipantFromLinks(db, organizationId, participantId);
}
