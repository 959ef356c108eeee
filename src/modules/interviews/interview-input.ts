import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { AppError, invalid, type FieldError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getParticipant } from '../participants/get-participant.js';
import { listTeam } from '../staff/list-team.js';
import type { InterviewFields, PieceInput } from './interviews.repository.js';
import {
  interviewMethods,
  transcriptFormats,
  type Interview,
  type TranscriptFormat,
} from './interviews.table.js';
import { detectFormat, parseTranscript, TranscriptError, type ParsedSegment } from './transcript.js';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const Id = Type.String({ minLength: 1, maxLength: 64 });

/** Most note items and key quotes one interview holds. */
export const MAX_NOTES = 50;
export const MAX_QUOTES = 50;
/** Longest transcript accepted, in characters (a long interview, timings included). */
export const MAX_TRANSCRIPT = 200_000;

/** A note item as entered: a heading or prompt (optional) and the text; `id` keeps an existing item. */
export const NoteItemInput = Type.Object(
  {
    id: Type.Optional(Id),
    heading: Type.String({ maxLength: 300, default: '' }),
    text: Type.String({ minLength: 1, maxLength: 20_000 }),
  },
  { additionalProperties: false },
);

/** A key quote as entered; `id` keeps an existing quote. */
export const QuoteInput = Type.Object(
  { id: Type.Optional(Id), text: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

/** A transcript to import: its text, the format (detected when absent) and the file it came from. */
export const TranscriptInput = Type.Object(
  {
    content: Type.String({ maxLength: MAX_TRANSCRIPT }),
    format: Type.Optional(literals(transcriptFormats)),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
  },
  { additionalProperties: false },
);

const fields = {
  heldOn: Type.String({ format: 'date', description: 'the day it took place' }),
  method: literals(interviewMethods),
  interviewerId: Type.Optional(Type.String({ maxLength: 64, description: 'default: the caller' })),
  place: Type.String({ maxLength: 200, default: '' }),
  participantId: Type.Optional(
    Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
      description:
        'a participant who consented to the initiative’s current consent; null, empty or absent: anonymous',
    }),
  ),
  notes: Type.Array(NoteItemInput, { maxItems: MAX_NOTES, default: [] }),
  quotes: Type.Array(QuoteInput, { maxItems: MAX_QUOTES, default: [] }),
  transcript: Type.Optional(
    Type.Union([TranscriptInput, Type.Null()], {
      description: 'plain text or WebVTT; null removes it; on PATCH, absent keeps it',
    }),
  ),
};

/** Everything recorded about an interview, as entered in the form or sent to the API. */
export const InterviewInput = Type.Object(fields, { additionalProperties: false });
export type InterviewInput = Static<typeof InterviewInput>;

/** The same fields, all optional and without defaults, so a PATCH changes only what it names. */
export const InterviewPatch = Type.Object(
  {
    heldOn: Type.Optional(fields.heldOn),
    method: Type.Optional(fields.method),
    interviewerId: fields.interviewerId,
    place: Type.Optional(Type.String({ maxLength: 200 })),
    participantId: fields.participantId,
    notes: Type.Optional(Type.Array(NoteItemInput, { maxItems: MAX_NOTES })),
    quotes: Type.Optional(Type.Array(QuoteInput, { maxItems: MAX_QUOTES })),
    transcript: fields.transcript,
  },
  { additionalProperties: false },
);
export type InterviewPatch = Static<typeof InterviewPatch>;

/** A checked interview, ready to store. */
export interface ValidInterview {
  fields: Omit<InterviewFields, 'transcript_format' | 'transcript_source'>;
  notes: PieceInput[];
  quotes: PieceInput[];
  /** The new transcript, null for none, or 'unchanged' to keep the stored one and its segment ids. */
  transcript: { format: TranscriptFormat; source: string; segments: ParsedSegment[] } | null | 'unchanged';
}

/** The current record as input, so a PATCH can be merged onto it. */
export function inputOf(interview: Interview): InterviewInput {
  return {
    heldOn: interview.heldOn,
    method: interview.method,
    ...(interview.interviewerId ? { interviewerId: interview.interviewerId } : {}),
    place: interview.place,
    participantId: interview.participantId,
    notes: interview.notes.map((n) => ({ id: n.id, heading: n.heading, text: n.text })),
    quotes: interview.quotes.map((q) => ({ id: q.id, text: q.text })),
  };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Tomorrow in UTC: whatever the staff member's time zone, their "today" is not after it. */
function latestAllowedDay(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

type TranscriptValue = Static<typeof TranscriptInput> | null | undefined;

function transcriptOf(
  t: TranscriptValue,
  current: Interview | undefined,
  errors: FieldError[],
): ValidInterview['transcript'] {
  if (t === undefined || t === null || t.content === '') return null;
  if (errors.some((e) => e.field === 'transcript.fileName')) return null;
  const format = detectFormat(t.content, t.format as TranscriptFormat | undefined, t.fileName);
  if (current?.transcript && current.transcript.format === format && current.transcript.source === t.content)
    return 'unchanged';
  try {
    return { format, source: t.content, segments: parseTranscript(t.content, format) };
  } catch (error) {
    if (!(error instanceof TranscriptError)) throw error;
    errors.push({
      field: 'transcript.content',
      code: `interviews.${error.reason}`,
      params: { line: error.line, ...error.params },
    });
    return null;
  }
}

function pieceIdErrors(
  list: { id?: string | undefined }[],
  known: { id: string }[],
  field: string,
): FieldError[] {
  const ids = new Set(known.map((k) => k.id));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  list.forEach((item, i) => {
    if (item.id === undefined) return;
    if (!ids.has(item.id) || seen.has(item.id)) errors.push({ field: `${field}.${i}.id`, code: 'unknownId' });
    seen.add(item.id);
  });
  return errors;
}

/** The values the checks beyond the schema look at; undefined where the schema already failed. */
interface Checked {
  heldOn?: string | undefined;
  interviewerId?: string | undefined;
  participantId?: string | null | undefined;
  transcript?: TranscriptValue;
}

/**
 * What the further checks see: the parsed input, or when another field failed the schema, the
 * sent values of the fields that passed it, so every problem is reported at once.
 */
function checkedValues(input: InterviewInput | undefined, raw: unknown, errors: FieldError[]): Checked {
  if (input) return input;
  const sent = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const failed = (field: string) => errors.some((e) => e.field === field || e.field.startsWith(`${field}.`));
  const text = (field: string) => {
    const v = sent[field];
    return !failed(field) && typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const t = sent.transcript as { content?: unknown } | null | undefined;
  return {
    heldOn: text('heldOn'),
    interviewerId: text('interviewerId'),
    participantId: text('participantId'),
    transcript:
      !failed('transcript') && t && typeof t.content === 'string'
        ? { ...(t as Static<typeof TranscriptInput>), content: t.content.trim() }
        : undefined,
  };
}

async function referenceErrors(
  db: Db,
  actor: StaffActor,
  initiative: Initiative,
  values: Checked,
  current: Interview | undefined,
  errors: FieldError[],
): Promise<void> {
  // An empty choice means the default, as in the form: the caller.
  const interviewerId = values.interviewerId || actor.staffId;
  // Someone who has since left may stay the interviewer of what they recorded; a new one must be active.
  if (!errors.some((e) => e.field === 'interviewerId') && interviewerId !== current?.interviewerId) {
    const team = await listTeam(db, actor);
    if (!team.members.some((m) => m.id === interviewerId && m.status === 'active'))
      errors.push({ field: 'interviewerId', code: 'unknownId' });
  }
  if (values.participantId && values.participantId !== current?.participantId) {
    try {
      const participant = await getParticipant(db, actor, values.participantId);
      const membership = participant.memberships.find((m) => m.initiativeId === initiative.id);
      const consented =
        !participant.erased && !!membership && membership.consentVersion === membership.currentConsentVersion;
      if (!consented) errors.push({ field: 'participantId', code: 'interviews.notConsented' });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      errors.push({ field: 'participantId', code: 'unknownId' });
    }
  }
}

/**
 * Checks a whole interview and reports every problem at once: the schema, the date, the
 * transcript (a malformed WebVTT file names its line), the interviewer (an active colleague), the
 * participant (only one who accepted the initiative's current consent) and ids of kept pieces.
 * `current` is the stored interview when editing.
 */
export async function validateInterview(
  db: Db,
  actor: StaffActor,
  initiative: Initiative,
  raw: unknown,
  current?: Interview,
): Promise<ValidInterview> {
  let input: InterviewInput | undefined;
  // A file of the wrong kind is named first: what is wrong with its bytes would only confuse.
  const fileName = ((raw as { transcript?: { fileName?: unknown } } | null)?.transcript ?? {}).fileName;
  const errors: FieldError[] =
    typeof fileName === 'string' && !/\.(vtt|txt|text)$/i.test(fileName.trim())
      ? [{ field: 'transcript.fileName', code: 'interviews.fileType' }]
      : [];
  try {
    input = parseInput(InterviewInput, raw);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors.push(...error.fields);
  }
  const values = checkedValues(input, raw, errors);
  if (values.heldOn && /^\d{4}-\d{2}-\d{2}$/.test(values.heldOn) && values.heldOn > latestAllowedDay())
    errors.push({ field: 'heldOn', code: 'interviews.futureDate' });
  const transcript = transcriptOf(values.transcript, current, errors);
  await referenceErrors(db, actor, initiative, values, current, errors);
  if (input) {
    errors.push(...pieceIdErrors(input.notes, current?.notes ?? [], 'notes'));
    errors.push(...pieceIdErrors(input.quotes, current?.quotes ?? [], 'quotes'));
  }
  if (errors.length > 0 || !input) throw invalid(errors);
  return {
    fields: {
      method: input.method,
      held_on: input.heldOn,
      interviewer_id: input.interviewerId || actor.staffId,
      place: input.place,
      participant_id: input.participantId || null,
    },
    notes: input.notes.map((n) => ({ id: n.id, heading: n.heading, body: n.text })),
    quotes: input.quotes.map((q) => ({ id: q.id, body: q.text })),
    transcript,
  };
}

/** Today's date as the form pre-fills it. */
export { today };
