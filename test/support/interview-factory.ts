import type { Db } from '../../src/db/database.js';
import type { StaffActor } from '../../src/platform/actor.js';
import { createInterview } from '../../src/modules/interviews/create-interview.js';
import type { Interview } from '../../src/modules/interviews/interviews.table.js';

/** A short WebVTT transcript with two speakers, a cue id, a NOTE and a STYLE block. */
export const SAMPLE_VTT = [
  'WEBVTT - waiting room interview',
  '',
  'STYLE',
  '::cue { color: yellow }',
  '',
  'NOTE recorded on the ward',
  '',
  'intro',
  '00:00:01.000 --> 00:00:04.500 align:start',
  '<v Interviewer>How was the wait today?',
  '',
  '00:04.500 --> 00:09.000',
  '<v.patient Ann>Long. Nobody told us',
  'what was going on &amp; why.',
].join('\n');

/** A complete interview as input (the API's shape); override any field. */
export function interviewInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    method: 'interview',
    heldOn: '2026-01-15',
    place: 'Outpatient clinic, waiting room',
    notes: [
      { heading: 'How was the wait?', text: 'Long, and nobody said why.' },
      { heading: 'What would help?', text: 'A screen showing the queue.' },
    ],
    quotes: [{ text: 'I felt forgotten.' }],
    transcript: { content: SAMPLE_VTT },
    ...overrides,
  };
}

/** Records an interview through the real use case (the caller owns any transaction). */
export async function buildInterview(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  overrides: Record<string, unknown> = {},
): Promise<Interview> {
  return createInterview(db, actor, initiativeId, interviewInput(overrides));
}
