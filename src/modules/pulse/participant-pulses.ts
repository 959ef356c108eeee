import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { deletePulsesOfParticipant, listPulsesOfParticipant } from './pulse.repository.js';

// The participant's side of the pulse, called by the participants module's "My data" use cases
// (which have already established who the participant is).

/** One of a participant's pulses, as their data export carries it. */
export interface MyPulse {
  id: string;
  initiativeId: string;
  activityKind: string;
  activityId: string;
  heard: number | null;
  easy: number | null;
  again: number | null;
  comment: string;
  createdAt: string;
}

/** Every pulse a participant answered in an organization, oldest first. */
export async function listMyPulses(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<MyPulse[]> {
  const pulses = await listPulsesOfParticipant(db, organizationId, participantId);
  return pulses.map((p) => ({
    id: p.id,
    initiativeId: p.initiativeId,
    activityKind: p.activityKind,
    activityId: p.activityId,
    heard: p.scores.heard,
    easy: p.scores.easy,
    again: p.scores.again,
    comment: p.comment,
    createdAt: p.createdAt,
  }));
}

/**
 * Deletes an erased participant's pulses. Unlike ideas, a pulse is about the person's own experience
 * (and the report segments it by their demographics), so nothing of it is kept. Part of erasure, in
 * its transaction.
 */
export async function eraseMyPulses(db: Db, organizationId: string, participantId: string): Promise<void> {
  const erased = await deletePulsesOfParticipant(db, organizationId, participantId);
  if (erased > 0)
    await recordAudit(db, {
      organizationId,
      staffId: null,
      action: 'pulse.participant_erased',
      subjectType: 'participant',
      subjectId: participantId,
      details: { rows: erased },
    });
}
