import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { containsPattern, containsQuery, jsonContainsPattern } from '../../platform/search-pattern.js';
import type { InputItem, InputSource } from '../decisions/input-source.js';
import { allQuestions, type SurveyDefinition } from './survey-definition.js';
import { findVersion } from './surveys.repository.js';
import { QUARANTINED } from './surveys.table.js';

// Completed survey responses as input that decisions are traced to. Responses in progress were never
// contributed, and quarantined ones (the tallier could not read them) are kept for inspection only.
// A survey may hold a million responses: every query here is bounded by a LIMIT or aggregates in
// SQL, and lists walk the (survey_id, status, completed_at) index one survey at a time.

const FREE_TEXT = new Set(['short_text', 'long_text']);
/** Question ids that can go into a JSON path as they are. */
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

interface ResponseRow {
  id: string;
  survey_id: string;
  version_id: string;
  participant_id: string | null;
  completed_at: string | null;
  answers: string;
}

interface SurveyRow {
  id: string;
  initiative_id: string;
  title_en: string;
  title_da: string;
}

const responseColumns = [
  'r.id',
  'r.survey_id',
  'r.version_id',
  'r.participant_id',
  'r.completed_at',
  'r.answers',
] as const;

/** The ids of each version's free-text questions, in question order, read once per call. */
function freeTextQuestions(db: Db, organizationId: string) {
  const cache = new Map<string, Promise<string[]>>();
  return (versionId: string): Promise<string[]> => {
    let ids = cache.get(versionId);
    if (!ids) {
      ids = findVersion(db, organizationId, versionId).then((v) =>
        v
          ? allQuestions(v.definition)
              .filter((q) => FREE_TEXT.has(q.kind))
              .map((q) => q.id)
          : [],
      );
      cache.set(versionId, ids);
    }
    return ids;
  };
}

const titleOf = (s: SurveyRow) => (s.title_en.trim() !== '' ? s.title_en : s.title_da);

/** Maps responses to items, with their survey's title and their free-text answers as text. */
async function toItems(
  db: Db,
  organizationId: string,
  rows: ResponseRow[],
  surveys: Map<string, SurveyRow>,
): Promise<InputItem[]> {
  const questionsOf = freeTextQuestions(db, organizationId);
  const items: InputItem[] = [];
  for (const r of rows) {
    const survey = surveys.get(r.survey_id);
    if (!survey) continue;
    const answers = JSON.parse(r.answers) as Record<string, unknown>;
    const text = (await questionsOf(r.version_id))
      .map((id) => answers[id])
      .filter((a): a is string => typeof a === 'string' && a.trim() !== '')
      .join('\n\n');
    const completedAt = r.completed_at ?? '';
    items.push({
      kind: 'survey_response',
      id: r.id,
      initiativeId: survey.initiative_id,
      participantId: r.participant_id,
      createdAt: completedAt,
      // Language-neutral: the survey and the day it was answered.
      label: `${titleOf(survey)} · ${completedAt.slice(0, 10)}`,
      text,
      // Responses have no staff page of their own; the survey's results show them.
      href: `/staff/surveys/${survey.id}/results`,
    });
  }
  return items;
}

async function surveysById(db: Db, organizationId: string, ids: string[]): Promise<Map<string, SurveyRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('surveys')
    .select(['id', 'initiative_id', 'title_en', 'title_da'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((s) => [s.id, s]));
}

/** The completed, readable responses of the organization (the base of every query). */
function completedResponses(db: Db, organizationId: string) {
  return db
    .selectFrom('survey_responses as r')
    .select(responseColumns)
    .where('r.organization_id', '=', organizationId)
    .where('r.status', '=', 'completed')
    .where('r.tallied', '!=', QUARANTINED);
}

const newestFirst = (a: InputItem, b: InputItem) =>
  a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;

/** The ids of every question that is free text in some version of the survey. */
async function freeTextIdsOfSurvey(db: Db, organizationId: string, surveyId: string): Promise<string[]> {
  const versions = await db
    .selectFrom('survey_versions')
    .select('definition')
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .execute();
  const ids = versions.flatMap((v) =>
    allQuestions(JSON.parse(v.definition) as SurveyDefinition)
      .filter((q) => FREE_TEXT.has(q.kind))
      .map((q) => q.id),
  );
  return [...new Set(ids)];
}

/**
 * Whether one of these answers (read out of the stored JSON by the engine) contains the query: only
 * free-text answers are compared, so a query that happens to be a question or option id matches
 * nothing it should not.
 */
function answerContains(db: Db, questionIds: string[], query: string) {
  const pattern = containsPattern(query);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const safe = questionIds.filter((id) => SAFE_ID.test(id));
  const tests = safe.map((id) =>
    postgres
      ? sql<boolean>`lower(r.answers::json ->> ${id}) like ${pattern} escape '\\'`
      : sql<boolean>`lower(json_extract(r.answers, ${`$."${id}"`})) like ${pattern} escape '\\'`,
  );
  // Any answer containing the query leaves it (JSON-escaped) in the stored text: that cheap test
  // rejects most rows before the engine parses any JSON.
  const stored = sql<boolean>`lower(r.answers) like ${jsonContainsPattern(query)} escape '\\'`;
  // An id a JSON path cannot name (ids are generated, but definitions allow any text): the stored
  // text alone decides in SQL, and the decoded text confirms.
  if (safe.length < questionIds.length) return stored;
  return sql<boolean>`(${stored} and (${sql.join(tests, sql` or `)}))`;
}

/**
 * One survey's matching responses, newest first, at most `limit`. When the title matches, every
 * response does; otherwise SQL compares the free-text answers, and the decoded text confirms (a
 * question that was free text in one version may not be in another), page by page.
 */
async function searchSurvey(
  db: Db,
  organizationId: string,
  survey: SurveyRow,
  query: string,
  limit: number,
): Promise<InputItem[]> {
  const surveys = new Map([[survey.id, survey]]);
  const titleMatches =
    query === '' || containsQuery(survey.title_en, query) || containsQuery(survey.title_da, query);
  const textIds = titleMatches ? [] : await freeTextIdsOfSurvey(db, organizationId, survey.id);
  if (!titleMatches && textIds.length === 0) return [];
  const found: InputItem[] = [];
  let after: { completedAt: string; id: string } | undefined;
  // The first page is small so a narrow search reads little past its matches; pages double after
  // that, so even a search whose SQL matches many that the text does not takes few round trips.
  let batch = Math.min(500, Math.max(4, limit * 2));
  for (;;) {
    let q = completedResponses(db, organizationId).where('r.survey_id', '=', survey.id);
    if (!titleMatches) q = q.where(answerContains(db, textIds, query));
    if (after) {
      const { completedAt, id } = after;
      // `<=` alone is a range on the (survey_id, status, completed_at) index; the OR only trims ties.
      q = q
        .where('r.completed_at', '<=', completedAt)
        .where((eb) => eb.or([eb('r.completed_at', '<', completedAt), eb('r.id', '<', id)]));
    }
    const rows = await q.orderBy('r.completed_at', 'desc').orderBy('r.id', 'desc').limit(batch).execute();
    const items = await toItems(db, organizationId, rows, surveys);
    found.push(...(titleMatches ? items : items.filter((i) => containsQuery(i.text, query))));
    if (found.length >= limit || rows.length < batch) return found.slice(0, limit);
    const last = rows[rows.length - 1]!;
    after = { completedAt: last.completed_at ?? '', id: last.id };
    batch = Math.min(batch * 2, 5000);
  }
}

/** Completed survey responses: one input each, their free-text answers as the quotable text. */
export const surveyResponseInputSource: InputSource = {
  kind: 'survey_response',
  async search(db, organizationId, initiativeId, query, limit) {
    if (limit <= 0) return [];
    const surveys = await db
      .selectFrom('surveys')
      .select(['id', 'initiative_id', 'title_en', 'title_da'])
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId)
      .execute();
    const q = query.trim();
    // Each survey's newest `limit` matches, merged: an initiative holds few surveys, each walked in index order.
    const perSurvey = await Promise.all(surveys.map((s) => searchSurvey(db, organizationId, s, q, limit)));
    return perSurvey.flat().sort(newestFirst).slice(0, limit);
  },
  async byIds(db, organizationId, ids) {
    if (ids.length === 0) return [];
    const rows = await completedResponses(db, organizationId)
      .where('r.id', 'in', [...ids])
      .execute();
    const surveys = await surveysById(
      db,
      organizationId,
      rows.map((r) => r.survey_id),
    );
    return toItems(db, organizationId, rows, surveys);
  },
  async census(db, organizationId, initiativeId) {
    const ofInitiative = db
      .selectFrom('surveys')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId);
    const base = db
      .selectFrom('survey_responses')
      .where('organization_id', '=', organizationId)
      .where('survey_id', 'in', ofInitiative)
      .where('status', '=', 'completed')
      .where('tallied', '!=', QUARANTINED);
    const [{ n }, contributors] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base.select('participant_id').distinct().where('participant_id', 'is not', null).execute(),
    ]);
    return { inputs: Number(n), contributors: contributors.map((c) => c.participant_id!) };
  },
  async ofParticipant(db, organizationId, participantId) {
    const rows = await completedResponses(db, organizationId)
      .where('r.participant_id', '=', participantId)
      .orderBy('r.completed_at')
      .orderBy('r.id')
      .execute();
    const surveys = await surveysById(
      db,
      organizationId,
      rows.map((r) => r.survey_id),
    );
    return toItems(db, organizationId, rows, surveys);
  },
  async lastActivity(db, organizationId) {
    // Answering counts as taking part even before the response is complete.
    const rows = await db
      .selectFrom('survey_responses')
      .select(['participant_id', (eb) => eb.fn.max('updated_at').as('at')])
      .where('organization_id', '=', organizationId)
      .where('participant_id', 'is not', null)
      .groupBy('participant_id')
      .execute();
    return rows.map((r) => ({ participantId: r.participant_id!, at: String(r.at) }));
  },
};
