import { addToTally, emptyTally, type Tally } from '../../analysis/survey-results/index.js';
import type { ResultQuestion } from '../../analysis/survey-results/types.js';
import { PostgresAdapter } from 'kysely';
import type { Db } from '../../db/database.js';
import { visibleQuestions, type Answers } from './survey-answers.js';
import { PREFER_NOT_TO_SAY, type Question, type SurveyDefinition } from './survey-definition.js';
import { lockSurveyTalliesOnPostgres, readTallies, upsertTallies } from './surveys.repository.js';

// The results page reads tallies, never the responses: each completed response is added to the
// tally of every question it was shown, once for everyone and once per demographic segment of the
// respondent. Tallies are small JSON documents, so a page at 1M responses reads the same few rows.

/** The segment key of everyone. */
export const EVERYONE = '';

/** The segment key of one category of an attribute. */
export function segmentKey(attributeId: string, categoryId: string): string {
  return `${attributeId}:${categoryId}`;
}

/** What the analysis needs to know about a question (ids only; labels stay here). */
export function toResultQuestion(q: Question): ResultQuestion {
  switch (q.kind) {
    case 'single_choice':
    case 'multiple_choice':
      return { kind: q.kind, options: q.options.map((o) => o.id) };
    case 'demographic':
      return { kind: 'demographic', options: [...q.options.map((o) => o.id), PREFER_NOT_TO_SAY] };
    case 'likert':
    case 'ranking':
      return { kind: q.kind, options: q.options.map((o) => o.id) };
    case 'rating':
      return { kind: 'rating', min: q.min ?? 1, max: q.max ?? 5 };
    default:
      return { kind: q.kind };
  }
}

/** The segment key of respondents with no known category for an attribute (unanswered or prefer not to say). */
export function unknownSegmentKey(attributeId: string): string {
  return `${attributeId}:`;
}

/**
 * Adds a completed response to the tallies of everyone and, for every attribute of the organization,
 * of the respondent's category (or the "unknown" segment), so the segments of an attribute always
 * partition the respondents and breakdowns can suppress by complement.
 */
export async function addResponseToTallies(
  db: Db,
  organizationId: string,
  surveyId: string,
  definition: SurveyDefinition,
  answers: Answers,
  segments: Record<string, string>,
  attributeIds: string[],
): Promise<void> {
  const keys = [
    EVERYONE,
    ...attributeIds.map((a) => (segments[a] ? segmentKey(a, segments[a]) : unknownSegmentKey(a))),
  ];
  const shown = visibleQuestions(definition, answers);
  if (shown.length === 0) return;
  if (db.getExecutor().adapter instanceof PostgresAdapter) await lockSurveyTalliesOnPostgres(db, surveyId);
  const existing = await readTallies(db, organizationId, surveyId, keys);
  const byKey = new Map(existing.map((t) => [`${t.questionId}\u0000${t.segment}`, t.data]));
  // One statement for every tally the response touches (questions shown × segments): at eight
  // questions and three attributes that is 32 rows, which row by row cost more than the rest of
  // the submission together.
  const writes: { questionId: string; segment: string; data: string }[] = [];
  for (const q of shown) {
    const question = toResultQuestion(q);
    for (const segment of keys) {
      const stored = byKey.get(`${q.id}\u0000${segment}`);
      const tally = stored ? (JSON.parse(stored) as Tally) : emptyTally(question);
      const next = addToTally(tally, answers[q.id], 1);
      writes.push({ questionId: q.id, segment, data: JSON.stringify(next) });
    }
  }
  await upsertTallies(db, organizationId, surveyId, writes);
}
