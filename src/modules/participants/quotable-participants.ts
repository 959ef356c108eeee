import type { Db } from '../../db/database.js';
import { selectQuotableParticipantIds } from './participants.repository.js';

/**
 * Which of these participants may be quoted (without their name) on public pages: only those who
 * said yes and have not erased their data. Unknown ids and other organizations' participants are left out.
 */
export async function quotableParticipants(
  db: Db,
  organizationId: string,
  participantIds: readonly string[],
): Promise<Set<string>> {
  const unique = [...new Set(participantIds)];
  return new Set(await selectQuotableParticipantIds(db, organizationId, unique));
}
