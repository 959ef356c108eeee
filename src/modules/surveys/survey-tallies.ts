import { addAllToTally, emptyTally, type Answer, type Tally } from '../../analysis/survey-results/index.js';
import type { ResultQuestion } from '../../analysis/survey-results/types.js';
import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import { visibleQuestions, type Answers } from './survey-answers.js';
import { PREFER_NOT_TO_SAY, type Question, type SurveyDefinition } from './survey-definition.js';
import {
  findVersion,
  hasUntalliedResponses,
  lockSurveyTalliesOnPostgres,
  markQuarantined,
  markTallied,
  readTallies,
  surveysWithUntalliedResponses,
  untalliedResponses,
  upsertTallies,
  type UntalliedResponse,
} from './surveys.repository.js';

// The results page reads tallies, never the responses: each completed response is added to the
// tally of every question it was shown, once for everyone and once per demographic segment of the
// respondent. Tallies are small JSON documents, so a page at 1M responses reads the same few rows.
// Submissions do not touch tallies (that cost more than the rest of a submission together): they
// store the response with `tallied = 0`, and a tallier folds waiting responses in batches, from the
// server's background loop (tally-loop.ts) shortly after submissions and from every reader of
// tallies before it reads, so what a reader sees always counts every committed response.

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

/** Responses folded per transaction: big enough to amortize the tally rows, small enough to hold the lock briefly. */
const FOLD_BATCH = 1000;

/** A response the tallier could not count, and why. */
export interface QuarantinedResponse {
  id: string;
  reason: string;
}

/** How a fold runs. */
export interface FoldOptions {
  /** The most responses one fold takes (default 1000). */
  limit?: number;
  /** Told about responses taken off the waiting list uncounted (default: a process warning). */
  onQuarantine?: (surveyId: string, quarantined: QuarantinedResponse[]) => void;
}

function warnQuarantined(surveyId: string, quarantined: QuarantinedResponse[]): void {
  process.emitWarning(
    `survey ${surveyId}: ${quarantined.length} response(s) quarantined, the tallier cannot count them: ` +
      quarantined.map((q) => `${q.id} (${q.reason})`).join(', '),
    'SurveyTallyWarning',
  );
}

type Readable = UntalliedResponse & { answers: Answers; segments: Record<string, string> };
type Group = { questionId: string; segment: string; question: Question; answers: Answer[] };

/** Each response's answers, grouped by question and segment (everyone, and its category per attribute). */
function groupAnswers(
  responses: Readable[],
  attributeIds: string[],
  definitions: Map<string, SurveyDefinition>,
): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const response of responses) {
    const keys = [
      EVERYONE,
      ...attributeIds.map((a) => {
        const category = response.segments[a];
        return category ? segmentKey(a, category) : unknownSegmentKey(a);
      }),
    ];
    for (const q of visibleQuestions(definitions.get(response.versionId)!, response.answers)) {
      for (const segment of keys) {
        const key = `${q.id}\u0000${segment}`;
        let group = groups.get(key);
        if (!group) {
          group = { questionId: q.id, segment, question: q, answers: [] };
          groups.set(key, group);
        }
        group.answers.push(response.answers[q.id]);
      }
    }
  }
  return groups;
}

/** The new tally rows: each stored (or empty) tally with its group's answers added. Throws on an answer it cannot count. */
function foldedTallies(groups: Map<string, Group>, stored: Map<string, string>) {
  const writes: { questionId: string; segment: string; data: string }[] = [];
  for (const [key, group] of groups) {
    const data = stored.get(key);
    const base = data ? (JSON.parse(data) as Tally) : emptyTally(toResultQuestion(group.question));
    writes.push({
      questionId: group.questionId,
      segment: group.segment,
      data: JSON.stringify(addAllToTally(base, group.answers)),
    });
  }
  return writes;
}

/** Why one response cannot be counted, found by counting it alone; undefined when it can be. */
function whyUncountable(response: Readable, definition: SurveyDefinition): string | undefined {
  try {
    for (const q of visibleQuestions(definition, response.answers))
      addAllToTally(emptyTally(toResultQuestion(q)), [response.answers[q.id]]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Folds up to FOLD_BATCH of a survey's untallied completed responses into its tallies, in the
 * caller's transaction: every response goes into the tally of each question it was shown, once for
 * everyone and once per attribute of the organization in the respondent's category (or the "unknown"
 * segment), so the segments of an attribute always partition the respondents and breakdowns can
 * suppress by complement. The affected tally rows are read once, take all the batch's answers, are
 * written once, and the responses are marked tallied in the same transaction: a crash leaves both
 * or neither, so no response is ever counted twice or lost. A response that cannot be counted
 * (unreadable, its version gone, an answer the tally refuses) is quarantined instead: marked so it
 * no longer waits, reported through `onQuarantine`, and the others are folded; one bad row never
 * blocks a survey's results. Returns how many responses it took off the waiting list.
 */
export async function foldUntalliedResponses(
  db: Db,
  organizationId: string,
  surveyId: string,
  options: FoldOptions = {},
): Promise<number> {
  // On PostgreSQL, talliers in other transactions or processes wait here, then see these responses
  // as tallied (read committed re-reads below), so two never fold the same response.
  if (db.getExecutor().adapter instanceof PostgresAdapter) await lockSurveyTalliesOnPostgres(db, surveyId);
  const pending = await untalliedResponses(db, organizationId, surveyId, options.limit ?? FOLD_BATCH);
  if (pending.length === 0) return 0;
  // The organization's attributes now, not at submission: a response waits milliseconds, and an
  // attribute defined meanwhile simply finds it in its "unknown" segment.
  const attributeIds = (await listDemographicAttributes(db, organizationId)).map((a) => a.id);
  const definitions = new Map<string, SurveyDefinition>();
  for (const versionId of new Set(pending.map((r) => r.versionId))) {
    const version = await findVersion(db, organizationId, versionId);
    if (version) definitions.set(versionId, version.definition);
  }
  const quarantined: QuarantinedResponse[] = [];
  let readable: Readable[] = [];
  for (const r of pending) {
    if (!r.answers || !r.segments) quarantined.push({ id: r.id, reason: 'unreadable answers or segments' });
    else if (!definitions.has(r.versionId))
      quarantined.push({ id: r.id, reason: `survey version ${r.versionId} is missing` });
    else readable.push(r as Readable);
  }
  let groups = groupAnswers(readable, attributeIds, definitions);
  const touched = [...new Set([...groups.values()].map((g) => g.segment))];
  const existing = await readTallies(db, organizationId, surveyId, touched);
  const stored = new Map(existing.map((t) => [`${t.questionId}\u0000${t.segment}`, t.data]));
  let writes;
  try {
    writes = foldedTallies(groups, stored);
  } catch {
    // Some answer cannot be counted: find the responses holding one by counting each alone (only
    // on this rare path), then fold the rest. A second failure is not a response's fault: it throws.
    const bad = new Set<string>();
    for (const r of readable) {
      const reason = whyUncountable(r, definitions.get(r.versionId)!);
      if (reason) {
        bad.add(r.id);
        quarantined.push({ id: r.id, reason });
      }
    }
    readable = readable.filter((r) => !bad.has(r.id));
    groups = groupAnswers(readable, attributeIds, definitions);
    writes = foldedTallies(groups, stored);
  }
  await upsertTallies(db, organizationId, surveyId, writes);
  await markTallied(
    db,
    organizationId,
    readable.map((r) => r.id),
  );
  if (quarantined.length > 0) {
    await markQuarantined(
      db,
      organizationId,
      quarantined.map((q) => q.id),
    );
    (options.onQuarantine ?? warnQuarantined)(surveyId, quarantined);
  }
  return pending.length;
}

/**
 * Brings a survey's tallies up to date with every completed response stored so far. Every reader of
 * tallies calls it first, so results are exact whether or not the background tallier has run. In a
 * transaction it folds in that transaction; otherwise it opens one per batch.
 */
export async function catchUpSurveyTallies(db: Db, organizationId: string, surveyId: string): Promise<void> {
  if (!(await hasUntalliedResponses(db, organizationId, surveyId))) return;
  for (;;) {
    const folded = db.isTransaction
      ? await foldUntalliedResponses(db, organizationId, surveyId)
      : await db.transaction().execute((trx) => foldUntalliedResponses(trx, organizationId, surveyId));
    if (folded < FOLD_BATCH) return;
  }
}

/** How the background tallier folds: smaller batches than readers, so each transaction blocks briefly. */
export interface CatchUpOptions extends FoldOptions {
  /** Responses per transaction (default 1000). */
  limit?: number;
}

/**
 * Folds every survey's waiting responses (the background tallier's pass); returns how many it took
 * off the waiting list. Between transactions it lets the event loop run, so requests arriving during
 * a long pass are served between its batches instead of after all of them.
 */
export async function catchUpAllTallies(db: Kysely<Database>, options: CatchUpOptions = {}): Promise<number> {
  const limit = options.limit ?? FOLD_BATCH;
  let total = 0;
  for (;;) {
    const surveys = await surveysWithUntalliedResponses(db, 100);
    if (surveys.length === 0) return total;
    for (const { organizationId, surveyId } of surveys) {
      for (;;) {
        const folded = await db
          .transaction()
          .execute((trx) => foldUntalliedResponses(trx, organizationId, surveyId, { ...options, limit }));
        total += folded;
        await new Promise((resolve) => setImmediate(resolve));
        if (folded < limit) break;
      }
    }
  }
}
