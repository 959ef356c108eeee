// The interviews capability's tables and their mapping to the domain. An interview (or observation,
// focus group, workshop note) is one record; everything quotable in it (note items, key quotes,
// transcript segments) is a row of `interview_pieces` with its own stable id, so later analysis can
// tag and quote a single piece and find its way back to the source.

/** One recorded interview, observation, focus group or workshop note. */
export interface InterviewsTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  method: string;
  /** The day it took place, YYYY-MM-DD. */
  held_on: string;
  interviewer_id: string | null;
  place: string;
  /** Null when anonymous, or after the participant erased their data. */
  participant_id: string | null;
  /** 'none', 'text' or 'vtt'. */
  transcript_format: string;
  /** The transcript as imported, kept so an edit can tell whether it changed. */
  transcript_source: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A quotable piece of an interview: a note item, a key quote or a transcript segment. */
export interface InterviewPiecesTable {
  id: string;
  organization_id: string;
  interview_id: string;
  /** 'note', 'quote' or 'segment'. */
  kind: string;
  position: number;
  /** A note item's heading or prompt; empty otherwise. */
  heading: string;
  /** A transcript segment's speaker; empty when unknown. */
  speaker: string;
  /** A timed transcript segment's start and end in milliseconds; null for untimed pieces. */
  starts_ms: number | null;
  ends_ms: number | null;
  body: string;
}

/** How the input was gathered. */
export const interviewMethods = ['interview', 'observation', 'focus_group', 'workshop'] as const;
export type InterviewMethod = (typeof interviewMethods)[number];

/** Formats a transcript can be imported in. */
export const transcriptFormats = ['text', 'vtt'] as const;
export type TranscriptFormat = (typeof transcriptFormats)[number];

/** A note item: a heading or prompt and what was noted under it. */
export interface NoteItem {
  id: string;
  heading: string;
  text: string;
}

/** A key quote. */
export interface KeyQuote {
  id: string;
  text: string;
}

/** One segment of a transcript; times in seconds (null for plain-text transcripts). */
export interface TranscriptSegment {
  id: string;
  start: number | null;
  end: number | null;
  speaker: string;
  text: string;
}

/** An imported transcript: its format, the text as imported, and its segments. */
export interface Transcript {
  format: TranscriptFormat;
  source: string;
  segments: TranscriptSegment[];
}

/** An interview with everything recorded in it. */
export interface Interview {
  id: string;
  organizationId: string;
  initiativeId: string;
  method: InterviewMethod;
  heldOn: string;
  interviewerId: string | null;
  place: string;
  participantId: string | null;
  notes: NoteItem[];
  quotes: KeyQuote[];
  transcript: Transcript | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const seconds = (ms: number | null): number | null => (ms === null ? null : Number(ms) / 1000);

/** Maps an interview row and its pieces (in position order) to the domain shape. */
export function toInterview(row: InterviewsTable, pieces: InterviewPiecesTable[]): Interview {
  const format = row.transcript_format as TranscriptFormat | 'none';
  return {
    id: row.id,
    organizationId: row.organization_id,
    initiativeId: row.initiative_id,
    method: row.method as InterviewMethod,
    heldOn: row.held_on,
    interviewerId: row.interviewer_id,
    place: row.place,
    participantId: row.participant_id,
    notes: pieces
      .filter((p) => p.kind === 'note')
      .map((p) => ({ id: p.id, heading: p.heading, text: p.body })),
    quotes: pieces.filter((p) => p.kind === 'quote').map((p) => ({ id: p.id, text: p.body })),
    transcript:
      format === 'none'
        ? null
        : {
            format,
            source: row.transcript_source,
            segments: pieces
              .filter((p) => p.kind === 'segment')
              .map((p) => ({
                id: p.id,
                start: seconds(p.starts_ms),
                end: seconds(p.ends_ms),
                speaker: p.speaker,
                text: p.body,
              })),
          },
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
