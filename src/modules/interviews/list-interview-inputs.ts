import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { listPiecesOfInitiative } from './interviews.repository.js';
import { interviewRules } from './interviews.policy.js';
import type { InterviewMethod } from './interviews.table.js';

/** What kind of piece of an interview a quotable input is. */
export type InterviewInputKind = 'note' | 'quote' | 'segment';

/**
 * One quotable piece of text from an initiative's interviews, with where it came from. `id` is
 * the piece's stable id (it survives edits that keep the piece), for tags and quotes to refer to.
 */
export interface InterviewInputPiece {
  id: string;
  kind: InterviewInputKind;
  text: string;
  /** A note item's heading or prompt; '' for quotes and segments. */
  heading: string;
  /** A transcript segment's speaker; '' when unknown and for notes and quotes. */
  speaker: string;
  /** A timed segment's start and end in seconds; null otherwise. */
  start: number | null;
  end: number | null;
  source: {
    type: 'interview';
    interviewId: string;
    initiativeId: string;
    method: InterviewMethod;
    heldOn: string;
    /** The participant's id, or null for anonymous input (and after they erased their data). */
    participantId: string | null;
    /** Position of the piece among its kind in the interview (0-based). */
    position: number;
  };
}

const kindOrder: Record<string, number> = { note: 0, quote: 1, segment: 2 };

/**
 * Every quotable piece of text recorded in an initiative's interviews, observations, focus groups
 * and workshop notes: note items, key quotes and transcript segments, in the order the interviews
 * took place and, within one, notes, then quotes, then the transcript. Empty pieces are never
 * stored, so every piece has text. Readable by every role that may view interviews.
 */
export async function listInterviewInputs(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<InterviewInputPiece[]> {
  authorize(actor, interviewRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const rows = await listPiecesOfInitiative(db, actor.organizationId, initiative.id);
  // The query orders by kind's text, which is not reading order; a stable sort fixes that per interview.
  const interviewOrder = new Map<string, number>();
  for (const r of rows)
    if (!interviewOrder.has(r.interview_id)) interviewOrder.set(r.interview_id, interviewOrder.size);
  const sorted = [...rows].sort(
    (a, b) =>
      interviewOrder.get(a.interview_id)! - interviewOrder.get(b.interview_id)! ||
      (kindOrder[a.kind] ?? 9) - (kindOrder[b.kind] ?? 9) ||
      Number(a.position) - Number(b.position),
  );
  return sorted.map((r) => ({
    id: r.id,
    kind: r.kind as InterviewInputKind,
    text: r.body,
    heading: r.heading,
    speaker: r.speaker,
    start: r.starts_ms === null ? null : Number(r.starts_ms) / 1000,
    end: r.ends_ms === null ? null : Number(r.ends_ms) / 1000,
    source: {
      type: 'interview',
      interviewId: r.interview_id,
      initiativeId: initiative.id,
      method: r.method as InterviewMethod,
      heldOn: r.held_on,
      participantId: r.participant_id,
      position: Number(r.position),
    },
  }));
}
