import type { FieldError } from '../../../platform/errors.js';
import { isUploadedFile, textOf } from '../../../platform/http/uploads.js';
import type { InterviewView } from '../interview-view.js';
import { MAX_NOTES, MAX_QUOTES } from '../interview-input.js';

// Between the HTML form (flat fields, fixed rows of notes and quotes, a file or a pasted
// transcript) and the input the use cases take (lists, one transcript object).

/** What a form post becomes: the use case's input and which form row each list item came from. */
export interface MappedForm {
  input: Record<string, unknown>;
  noteRows: number[];
  quoteRows: number[];
}

const filled = (v: unknown): boolean =>
  v !== undefined && v !== '' && !(typeof v === 'string' && v.trim() === '');

/** Rows the form shows for a list: every filled one plus two empty ones, at least `min`. */
export function shownRows(values: Record<string, unknown>, prefix: string, min: number, max: number): number {
  let last = -1;
  for (let i = 0; i < max; i++) {
    if (filled(values[`${prefix}.${i}.text`]) || filled(values[`${prefix}.${i}.heading`])) last = i;
  }
  return Math.min(max, Math.max(min, last + 3));
}

/** Turns a form post (urlencoded or multipart) into interview input. */
export function formToInterview(body: unknown): MappedForm {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const key of ['heldOn', 'method', 'interviewerId', 'place'] as const) {
    if (filled(b[key])) input[key] = b[key];
  }
  input.participantId = filled(b.participantId) ? b.participantId : null;

  const notes: Record<string, unknown>[] = [];
  const noteRows: number[] = [];
  for (let i = 0; i < MAX_NOTES + 10; i++) {
    const heading = b[`notes.${i}.heading`];
    const text = b[`notes.${i}.text`];
    // A row emptied by the user is a deleted note, even if it carried an id.
    if (!filled(heading) && !filled(text)) continue;
    const id = b[`notes.${i}.id`];
    notes.push({ ...(filled(id) ? { id } : {}), heading: heading ?? '', text: text ?? '' });
    noteRows.push(i);
  }
  input.notes = notes;

  const quotes: Record<string, unknown>[] = [];
  const quoteRows: number[] = [];
  for (let i = 0; i < MAX_QUOTES + 10; i++) {
    const text = b[`quotes.${i}.text`];
    if (!filled(text)) continue;
    const id = b[`quotes.${i}.id`];
    quotes.push({ ...(filled(id) ? { id } : {}), text });
    quoteRows.push(i);
  }
  input.quotes = quotes;

  const format =
    b.transcriptFormat === 'text' || b.transcriptFormat === 'vtt' ? b.transcriptFormat : undefined;
  const file = b.transcriptFile;
  if (isUploadedFile(file)) {
    input.transcript = { content: textOf(file), fileName: file.fileName, ...(format ? { format } : {}) };
  } else if (filled(b.transcript)) {
    input.transcript = { content: b.transcript, ...(format ? { format } : {}) };
  } else {
    input.transcript = null;
  }
  return { input, noteRows, quoteRows };
}

/** The values to show again after a refused post: what was sent, an uploaded file's text in the text box. */
export function sentValues(body: unknown): Record<string, unknown> {
  const b = { ...((body && typeof body === 'object' ? body : {}) as Record<string, unknown>) };
  const file = b.transcriptFile;
  delete b.transcriptFile;
  delete b._csrf;
  if (isUploadedFile(file)) b.transcript = textOf(file);
  return b;
}

/** Field errors of the input, renamed to the form's fields (list items back to their rows). */
export function errorsToFormFields(fields: FieldError[], mapped: MappedForm): FieldError[] {
  return fields.map((f) => {
    const [head, index, leaf] = f.field.split('.');
    if (head === 'transcript') return { ...f, field: 'transcript' };
    if ((head === 'notes' || head === 'quotes') && index !== undefined) {
      const rows = head === 'notes' ? mapped.noteRows : mapped.quoteRows;
      const row = rows[Number(index)] ?? 0;
      return { ...f, field: `${head}.${row}.${leaf === 'heading' ? 'heading' : 'text'}` };
    }
    return f;
  });
}

/** A stored interview as form values (for the edit form). */
export function interviewToFormValues(view: InterviewView): Record<string, unknown> {
  const values: Record<string, unknown> = {
    heldOn: view.heldOn,
    method: view.method,
    interviewerId: view.interviewer?.id ?? '',
    place: view.place,
    participantId: view.participant?.id ?? '',
    transcript: view.transcript?.source ?? '',
    transcriptFormat: view.transcript?.format ?? 'auto',
  };
  view.notes.forEach((n, i) => {
    values[`notes.${i}.id`] = n.id;
    values[`notes.${i}.heading`] = n.heading;
    values[`notes.${i}.text`] = n.text;
  });
  view.quotes.forEach((q, i) => {
    values[`quotes.${i}.id`] = q.id;
    values[`quotes.${i}.text`] = q.text;
  });
  return values;
}
