import type { Db } from '../../db/database.js';
import type { InterviewFields } from './interviews.repository.js';
import { replacePieces } from './interviews.repository.js';
import type { ValidInterview } from './interview-input.js';

/** The row fields of a checked interview; an unchanged transcript keeps what is stored. */
export function rowFields(
  input: ValidInterview,
  current?: { format: string; source: string } | null,
): InterviewFields {
  const t = input.transcript;
  return {
    ...input.fields,
    transcript_format: t === 'unchanged' ? (current?.format ?? 'none') : (t?.format ?? 'none'),
    transcript_source: t === 'unchanged' ? (current?.source ?? '') : (t?.source ?? ''),
  };
}

/** Writes a checked interview's pieces (notes, quotes and, unless unchanged, the transcript segments). */
export async function writePieces(
  db: Db,
  organizationId: string,
  interviewId: string,
  input: ValidInterview,
): Promise<void> {
  await replacePieces(db, organizationId, interviewId, 'note', input.notes);
  await replacePieces(db, organizationId, interviewId, 'quote', input.quotes);
  const t = input.transcript;
  if (t === 'unchanged') return;
  await replacePieces(
    db,
    organizationId,
    interviewId,
    'segment',
    (t?.segments ?? []).map((s) => ({
      speaker: s.speaker,
      startsMs: s.startMs,
      endsMs: s.endMs,
      body: s.text,
    })),
  );
}
