import { Type, type Static } from '@sinclair/typebox';
import type { Interview } from './interviews.table.js';

// The shape staff (pages and API) see of an interview: the record with the interviewer's name and
// the participant's pseudonym (never their contact details).

const Interviewer = Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]);
const Participant = Type.Union([Type.Object({ id: Type.String(), pseudonym: Type.String() }), Type.Null()]);
const Seconds = Type.Union([Type.Number(), Type.Null()]);

/** One transcript segment: times in seconds (null for plain text), the speaker ('' when unknown). */
export const SegmentView = Type.Object({
  id: Type.String(),
  start: Seconds,
  end: Seconds,
  speaker: Type.String(),
  text: Type.String(),
});

/** An interview as staff see it. */
export const InterviewView = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  method: Type.String(),
  heldOn: Type.String(),
  place: Type.String(),
  interviewer: Interviewer,
  participant: Participant,
  notes: Type.Array(Type.Object({ id: Type.String(), heading: Type.String(), text: Type.String() })),
  quotes: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
  transcript: Type.Union([
    Type.Object({ format: Type.String(), source: Type.String(), segments: Type.Array(SegmentView) }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type InterviewView = Static<typeof InterviewView>;

/** An interview in a list: the record without its texts, with how many pieces it holds. */
export const InterviewSummaryView = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  method: Type.String(),
  heldOn: Type.String(),
  place: Type.String(),
  interviewer: Interviewer,
  participant: Participant,
  noteCount: Type.Integer(),
  quoteCount: Type.Integer(),
  segmentCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type InterviewSummaryView = Static<typeof InterviewSummaryView>;

/** Names to show beside ids. */
export interface Names {
  staff: Map<string, string>;
  participants: Map<string, string>;
}

/** The interviewer and participant of a record, with names where known. */
export function peopleOf(
  i: { interviewerId: string | null; participantId: string | null },
  names: Names,
): Pick<InterviewView, 'interviewer' | 'participant'> {
  return {
    interviewer: i.interviewerId
      ? { id: i.interviewerId, name: names.staff.get(i.interviewerId) ?? '' }
      : null,
    participant: i.participantId
      ? { id: i.participantId, pseudonym: names.participants.get(i.participantId) ?? '' }
      : null,
  };
}

/** An interview as staff see it. */
export function toInterviewView(i: Interview, names: Names): InterviewView {
  return {
    id: i.id,
    initiativeId: i.initiativeId,
    method: i.method,
    heldOn: i.heldOn,
    place: i.place,
    ...peopleOf(i, names),
    notes: i.notes,
    quotes: i.quotes,
    transcript: i.transcript,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}
