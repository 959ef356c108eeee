import type { Db } from '../../db/database.js';
import { invitationCounts } from './survey-distribution.repository.js';

/** How a survey's personal invitations fared. */
export interface InvitationFunnel {
  /** Invitations sent. */
  invited: number;
  /** Of those, opened at least once (the link was followed). */
  opened: number;
  /** Of those, sent their one reminder. */
  reminded: number;
  /** Of those, whose response has at least one answer saved, or is complete. */
  started: number;
  /** Of those, whose response is complete. */
  completed: number;
}

/**
 * The invited → opened → started → completed counts of a survey's invitations (raw counts: the
 * results page applies small-cell suppression). Responses through other channels are not counted.
 */
export async function invitationFunnel(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<InvitationFunnel> {
  return invitationCounts(db, organizationId, surveyId);
}
