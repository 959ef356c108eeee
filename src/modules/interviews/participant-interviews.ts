import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { listInterviewsOfParticipant, unlinkParticipant } from './interviews.repository.js';
import type { InterviewMethod } from './interviews.table.js';

// The participant's side of interviews, called by the participants module's "My data" use cases
// (which have already established who the participant is). Staff names are not part of it.

/** An interview linked to a participant, as their data export carries it. */
export interface MyInterview {
  id: string;
  initiativeId: string;
  method: InterviewMethod;
  heldOn: string;
  place: string;
  notes: { heading: string; text: string }[];
  quotes: string[];
  transcript: { start: number | null; end: number | null; speaker: string; text: string }[];
}

/** The interviews linked to a participant of an organization, oldest first. */
export async function listMyInterviews(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<MyInterview[]> {
  const interviews = await listInterviewsOfParticipant(db, organizationId, participantId);
  return interviews.map((i) => ({
    id: i.id,
    initiativeId: i.initiativeId,
    method: i.method,
    heldOn: i.heldOn,
    place: i.place,
    notes: i.notes.map((n) => ({ heading: n.heading, text: n.text })),
    quotes: i.quotes.map((q) => q.text),
    transcript: (i.transcript?.segments ?? []).map((s) => ({
      start: s.start,
      end: s.end,
      speaker: s.speaker,
      text: s.text,
    })),
  }));
}

/**
 * Unlinks an erased participant from every interview: what was said stays as anonymous input for
 * analysis, no longer connected to them. Part of erasure, in the erasure's transaction.
 */
export async function unlinkMyInterviews(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  const unlinked = await unlinkParticipant(db, organizationId, participantId);
  if (unlinked > 0)
    await recordAudit(db, {
      organizationId,
      staffId: null,
      action: 'interview.participant_unlinked',
      subjectType: 'participant',
      subjectId: participantId,
      details: { interviews: unlinked },
    });
}
