import type { Db } from '../../db/database.js';
import { deleteSubscription, findUnsubscribedAt, listUnsubscribedIds } from './follow-up.repository.js';

// The participant's side of follow-up mail, called by the participants module's "My data" use cases
// (which have already established who the participant is).

/** Whether the participant unsubscribed from follow-up mail, as their data export carries it. */
export interface MyFollowUpMail {
  unsubscribed: boolean;
  unsubscribedAt: string | null;
}

/** The participant's follow-up mail choice in the organization. */
export async function getMyFollowUpMail(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<MyFollowUpMail> {
  const unsubscribedAt = await findUnsubscribedAt(db, organizationId, participantId);
  return { unsubscribed: unsubscribedAt !== null, unsubscribedAt };
}

/** Forgets the participant's follow-up mail choice; part of erasure, in its transaction. */
export async function forgetMyFollowUpMail(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await deleteSubscription(db, organizationId, participantId);
}

/**
 * Who in the organization unsubscribed from follow-up mail: other mail to participants (a "we miss
 * you" campaign) leaves them out too. Internal: the caller authorizes.
 */
export async function unsubscribedParticipants(db: Db, organizationId: string): Promise<Set<string>> {
  return new Set(await listUnsubscribedIds(db, organizationId));
}
