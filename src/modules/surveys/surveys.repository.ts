import { PostgresAdapter, sql, type Selectable } from 'kysely';
import { executeCompiled } from '../../db/compiled-query.js';
import type { Db } from '../../db/database.js';
import { newId, newTimeOrderedId, nowIso } from '../../platform/clock.js';
import type { Answers } from './survey-answers.js';
import type { SurveyDefinition } from './survey-definition.js';
import type {
  ResponseChannel,
  ResponseMode,
  SurveyLayout,
  SurveyResponsesTable,
  SurveysTable,
  SurveyStatus,
} from './surveys.table.js';
import { QUARANTINED } from './surveys.table.js';

// The surveys capability's queries: the only place its SQL lives. Every query is scoped by organization.

/** A survey as the rest of the module sees it. */
export interface Survey {
  id: string;
  organizationId: string;
  initiativeId: string;
  titleEn: string;
  titleDa: string;
  introEn: string;
  introDa: string;
  status: SurveyStatus;
  layout: SurveyLayout;
  allowMultiple: boolean;
  draft: SurveyDefinition;
  currentVersionId: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  closedAt: string | null;
}

/** A frozen version of a survey's content. */
export interface SurveyVersion {
  id: string;
  surveyId: string;
  version: number;
  definition: SurveyDefinition;
  createdAt: string;
}

/** A response, complete or in progress. */
export interface SurveyResponse {
  id: string;
  surveyId: string;
  versionId: string;
  participantId: string | null;
  channel: ResponseChannel;
  mode: ResponseMode;
  enteredBy: string | null;
  status: 'in_progress' | 'completed';
  answers: Answers;
  segments: Record<string, string>;
  page: number;
  startedAt: string;
  updatedAt: string;
  completedAt: string | null;
}

function toSurvey(row: SurveysTable): Survey {
  return {
    id: row.id,
    organizationId: row.organization_id,
    initiativeId: row.initiative_id,
    titleEn: row.title_en,
    titleDa: row.title_da,
    introEn: row.intro_en,
    introDa: row.intro_da,
    status: row.status as SurveyStatus,
    layout: row.layout as SurveyLayout,
    allowMultiple: row.allow_multiple === 1,
    draft: JSON.parse(row.draft_definition) as SurveyDefinition,
    currentVersionId: row.current_version_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    closedAt: row.closed_at,
  };
}

function toResponse(row: Selectable<SurveyResponsesTable>): SurveyResponse {
  return {
    id: row.id,
    surveyId: row.survey_id,
    versionId: row.version_id,
    participantId: row.participant_id,
    channel: row.channel as ResponseChannel,
    mode: row.mode as ResponseMode,
    enteredBy: row.entered_by,
    status: row.status as SurveyResponse['status'],
    answers: JSON.parse(row.answers) as Answers,
    segments: JSON.parse(row.segments) as Record<string, string>,
    page: row.page,
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
  };
}

/** The fields staff set on a survey besides its questions. */
export interface SurveySettings {
  titleEn: string;
  titleDa: string;
  introEn: string;
  introDa: string;
  layout: SurveyLayout;
  allowMultiple: boolean;
}

export async function insertSurvey(
  db: Db,
  organizationId: string,
  initiativeId: string,
  settings: SurveySettings,
  draft: SurveyDefinition,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('surveys')
    .values({
      id,
      organization_id: organizationId,
      initiative_id: initiativeId,
      title_en: settings.titleEn,
      title_da: settings.titleDa,
      intro_en: settings.introEn,
      intro_da: settings.introDa,
      layout: settings.layout,
      allow_multiple: settings.allowMultiple ? 1 : 0,
      status: 'draft',
      draft_definition: JSON.stringify(draft),
      current_version_id: null,
      created_at: now,
      updated_at: now,
      published_at: null,
      closed_at: null,
    })
    .execute();
  return id;
}

export async function findSurvey(db: Db, organizationId: string, id: string): Promise<Survey | undefined> {
  const row = await db
    .selectFrom('surveys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSurvey(row) : undefined;
}

export async function listSurveysOf(db: Db, organizationId: string, initiativeId: string): Promise<Survey[]> {
  const rows = await db
    .selectFrom('surveys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toSurvey);
}

export async function updateSettings(
  db: Db,
  organizationId: string,
  id: string,
  settings: SurveySettings,
): Promise<void> {
  await db
    .updateTable('surveys')
    .set({
      title_en: settings.titleEn,
      title_da: settings.titleDa,
      intro_en: settings.introEn,
      intro_da: settings.introDa,
      layout: settings.layout,
      allow_multiple: settings.allowMultiple ? 1 : 0,
      updated_at: nowIso(),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export async function saveDraft(
  db: Db,
  organizationId: string,
  id: string,
  draft: SurveyDefinition,
): Promise<void> {
  await db
    .updateTable('surveys')
    .set({ draft_definition: JSON.stringify(draft), updated_at: nowIso() })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export async function setSurveyStatus(
  db: Db,
  organizationId: string,
  id: string,
  status: SurveyStatus,
  changes: { currentVersionId?: string; publishedAt?: string; closedAt?: string | null } = {},
): Promise<void> {
  await db
    .updateTable('surveys')
    .set({
      status,
      updated_at: nowIso(),
      ...(changes.currentVersionId ? { current_version_id: changes.currentVersionId } : {}),
      ...(changes.publishedAt ? { published_at: changes.publishedAt } : {}),
      ...(changes.closedAt !== undefined ? { closed_at: changes.closedAt } : {}),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

export async function findVersion(
  db: Db,
  organizationId: string,
  id: string,
): Promise<SurveyVersion | undefined> {
  const row = await db
    .selectFrom('survey_versions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        surveyId: row.survey_id,
        version: row.version,
        definition: JSON.parse(row.definition) as SurveyDefinition,
        createdAt: row.created_at,
      }
    : undefined;
}

export async function listVersions(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<SurveyVersion[]> {
  const rows = await db
    .selectFrom('survey_versions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .orderBy('version')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    surveyId: row.survey_id,
    version: row.version,
    definition: JSON.parse(row.definition) as SurveyDefinition,
    createdAt: row.created_at,
  }));
}

export async function insertVersion(
  db: Db,
  organizationId: string,
  surveyId: string,
  version: number,
  definition: SurveyDefinition,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('survey_versions')
    .values({
      id,
      organization_id: organizationId,
      survey_id: surveyId,
      version,
      definition: JSON.stringify(definition),
      created_at: nowIso(),
    })
    .execute();
  return id;
}

export async function replaceVersionDefinition(
  db: Db,
  organizationId: string,
  versionId: string,
  definition: SurveyDefinition,
): Promise<void> {
  await db
    .updateTable('survey_versions')
    .set({ definition: JSON.stringify(definition) })
    .where('organization_id', '=', organizationId)
    .where('id', '=', versionId)
    .execute();
}

export async function countResponsesOfVersion(
  db: Db,
  organizationId: string,
  versionId: string,
): Promise<number> {
  const row = await db
    .selectFrom('survey_responses')
    .select(db.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .where('version_id', '=', versionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Counts of responses by status, channel and mode (for the funnel and response rates). */
export async function responseCounts(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<{ status: string; channel: string; mode: string; n: number }[]> {
  const rows = await db
    .selectFrom('survey_response_counts')
    .select(['channel', 'mode', 'started', 'completed'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .execute();
  return rows.flatMap((r) => [
    { status: 'completed', channel: r.channel, mode: r.mode, n: Number(r.completed) },
    { status: 'in_progress', channel: r.channel, mode: r.mode, n: Number(r.started) - Number(r.completed) },
  ]);
}

/** Adds to the started and completed counts of a survey's channel and mode (one upsert). */
async function bumpResponseCounts(
  db: Db,
  organizationId: string,
  surveyId: string,
  channel: string,
  mode: string,
  started: number,
  completed: number,
): Promise<void> {
  const values = { organization_id: organizationId, survey_id: surveyId, channel, mode, started, completed };
  // Compiled once: every submission runs it (see compiled-query.ts).
  await executeCompiled(
    db,
    'survey_response_counts.bump',
    (d) =>
      d
        .insertInto('survey_response_counts')
        .values(values)
        .onConflict((oc) =>
          oc.columns(['survey_id', 'channel', 'mode']).doUpdateSet({
            started: sql<number>`survey_response_counts.started + excluded.started`,
            completed: sql<number>`survey_response_counts.completed + excluded.completed`,
          }),
        ),
    Object.values(values),
  );
}

/** Everything needed to start a response. */
export interface NewResponse {
  organizationId: string;
  surveyId: string;
  versionId: string;
  participantId: string | null;
  consentTextId: string | null;
  channel: ResponseChannel;
  mode: ResponseMode;
  enteredBy: string | null;
}

export async function insertResponse(
  db: Db,
  r: NewResponse,
  answers: Answers,
  status: SurveyResponse['status'],
  segments: Record<string, string> = {},
): Promise<string> {
  // Time-ordered: responses arrive by the thousand, and their completion time is stored anyway.
  const id = newTimeOrderedId();
  const now = nowIso();
  const values = {
    id,
    organization_id: r.organizationId,
    survey_id: r.surveyId,
    version_id: r.versionId,
    participant_id: r.participantId,
    consent_text_id: r.consentTextId,
    channel: r.channel,
    mode: r.mode,
    entered_by: r.enteredBy,
    status,
    answers: JSON.stringify(answers),
    segments: JSON.stringify(segments),
    page: 0,
    started_at: now,
    updated_at: now,
    completed_at: status === 'completed' ? now : null,
  };
  // Compiled once: the hottest write of the platform (see compiled-query.ts).
  await executeCompiled(
    db,
    'survey_responses.insert',
    (d) => d.insertInto('survey_responses').values(values),
    Object.values(values),
  );
  await bumpResponseCounts(
    db,
    r.organizationId,
    r.surveyId,
    r.channel,
    r.mode,
    1,
    status === 'completed' ? 1 : 0,
  );
  return id;
}

export async function findResponse(
  db: Db,
  organizationId: string,
  id: string,
): Promise<SurveyResponse | undefined> {
  const row = await db
    .selectFrom('survey_responses')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toResponse(row) : undefined;
}

/** The participant's responses to a survey, newest first. */
export async function responsesOfParticipant(
  db: Db,
  organizationId: string,
  surveyId: string,
  participantId: string,
): Promise<SurveyResponse[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .where('participant_id', '=', participantId)
    .orderBy('started_at', 'desc')
    .execute();
  return rows.map(toResponse);
}

/** Saves progress; completing stamps the time and the respondent's segments. */
export async function updateResponse(
  db: Db,
  organizationId: string,
  id: string,
  changes: { answers: Answers; page: number; complete?: { segments: Record<string, string> } },
): Promise<void> {
  const now = nowIso();
  const result = await db
    .updateTable('survey_responses')
    .set({
      answers: JSON.stringify(changes.answers),
      page: changes.page,
      updated_at: now,
      ...(changes.complete
        ? { status: 'completed', completed_at: now, segments: JSON.stringify(changes.complete.segments) }
        : {}),
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  if (changes.complete && Number(result.numUpdatedRows) > 0) {
    const row = await db
      .selectFrom('survey_responses')
      .select(['survey_id', 'channel', 'mode'])
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await bumpResponseCounts(db, organizationId, row.survey_id, row.channel, row.mode, 0, 1);
  }
}

/** Completed responses in completion order, a page at a time (exports stream through these). */
export async function completedResponses(
  db: Db,
  organizationId: string,
  surveyId: string,
  after: { completedAt: string; id: string } | undefined,
  limit: number,
): Promise<SurveyResponse[]> {
  let query = db
    .selectFrom('survey_responses')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .where('status', '=', 'completed');
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('completed_at', '>', after.completedAt),
        eb.and([eb('completed_at', '=', after.completedAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  const rows = await query.orderBy('completed_at').orderBy('id').limit(limit).execute();
  return rows.map(toResponse);
}

/** Reads the tallies of some segments of a survey. */
export async function readTallies(
  db: Db,
  organizationId: string,
  surveyId: string,
  segments: string[],
): Promise<{ questionId: string; segment: string; data: string }[]> {
  if (segments.length === 0) return [];
  const rows = await db
    .selectFrom('survey_tallies')
    .select(['question_id', 'segment', 'data'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .where('segment', 'in', segments)
    .execute();
  return rows.map((r) => ({ questionId: r.question_id, segment: r.segment, data: r.data }));
}

/** Reads every tally of a survey whose segment starts with a prefix (an attribute's categories). */
export async function readTalliesWithPrefix(
  db: Db,
  organizationId: string,
  surveyId: string,
  prefix: string,
): Promise<{ questionId: string; segment: string; data: string }[]> {
  const rows = await db
    .selectFrom('survey_tallies')
    .select(['question_id', 'segment', 'data'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .where('segment', 'like', `${prefix.replace(/[%_\\]/g, '')}%`)
    .execute();
  return rows.map((r) => ({ questionId: r.question_id, segment: r.segment, data: r.data }));
}

/** Writes tallies (insert or replace). The caller holds the transaction that read them. */
export async function writeTallies(
  db: Db,
  organizationId: string,
  surveyId: string,
  tallies: { questionId: string; segment: string; data: string; exists: boolean }[],
): Promise<void> {
  for (const t of tallies) {
    if (t.exists) {
      await db
        .updateTable('survey_tallies')
        .set({ data: t.data })
        .where('survey_id', '=', surveyId)
        .where('question_id', '=', t.questionId)
        .where('segment', '=', t.segment)
        .execute();
    } else {
      await db
        .insertInto('survey_tallies')
        .values({
          organization_id: organizationId,
          survey_id: surveyId,
          question_id: t.questionId,
          segment: t.segment,
          data: t.data,
        })
        .execute();
    }
  }
}

/** Free-text answers of completed responses to one question (for listing and search). */
export async function textAnswers(
  db: Db,
  organizationId: string,
  surveyId: string,
  segment: { attributeId: string; categoryId: string } | undefined,
  limit: number,
): Promise<{ id: string; answers: Answers; segments: Record<string, string> }[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['id', 'answers', 'segments'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .where('status', '=', 'completed')
    .orderBy('completed_at', 'desc')
    .limit(limit)
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      answers: JSON.parse(r.answers) as Answers,
      segments: JSON.parse(r.segments) as Record<string, string>,
    }))
    .filter((r) => !segment || (r.segments[segment.attributeId] ?? '') === segment.categoryId);
}

/** A participant's survey responses across the organization (for "My data"). */
export async function responsesForParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<(SurveyResponse & { titleEn: string })[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .innerJoin('surveys', 'surveys.id', 'survey_responses.survey_id')
    .selectAll('survey_responses')
    .select('surveys.title_en')
    .where('survey_responses.organization_id', '=', organizationId)
    .where('survey_responses.participant_id', '=', participantId)
    .execute();
  return rows.map((r) => ({ ...toResponse(r), titleEn: r.title_en }));
}

/** Deletes a participant's unfinished responses. */
export async function deleteResponsesInProgressOf(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  const doomed = await db
    .selectFrom('survey_responses')
    .select(['survey_id', 'channel', 'mode'])
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .where('status', '=', 'in_progress')
    .execute();
  await db
    .deleteFrom('survey_responses')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .where('status', '=', 'in_progress')
    .execute();
  for (const r of doomed) await bumpResponseCounts(db, organizationId, r.survey_id, r.channel, r.mode, -1, 0);
}

/** Unlinks a participant from their responses: the answers stay, anonymous. */
export async function anonymizeResponsesOf(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await db
    .updateTable('survey_responses')
    .set({ participant_id: null })
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
  await db
    .updateTable('survey_invitations')
    .set({ participant_id: null, email: null })
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
}

// Ingest path: the few columns a submission checks, and tallies written in one statement.

/** What a submission needs to know about a survey, without parsing its draft. */
export interface SurveyState {
  id: string;
  initiativeId: string;
  status: SurveyStatus;
  currentVersionId: string | null;
  /** Changes whenever the survey is published again (a version without answers may be replaced then). */
  updatedAt: string;
}

/** A survey's status, current version and initiative (the submission path; no JSON parsed). */
export async function findSurveyState(
  db: Db,
  organizationId: string,
  id: string,
): Promise<SurveyState | undefined> {
  const row = await db
    .selectFrom('surveys')
    .select(['id', 'initiative_id', 'status', 'current_version_id', 'updated_at'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        initiativeId: row.initiative_id,
        status: row.status as SurveyStatus,
        currentVersionId: row.current_version_id,
        updatedAt: row.updated_at,
      }
    : undefined;
}

/**
 * PostgreSQL only: serializes tally updates of one survey until the caller's transaction ends.
 * PostgreSQL runs transactions side by side, and two of them reading the same tally would each write
 * back their own increment (a lost update), or both insert a new one; a transaction-scoped advisory
 * lock per survey prevents that. (A SQLite write transaction already excludes every other writer.)
 */
export async function lockSurveyTalliesOnPostgres(db: Db, surveyId: string): Promise<void> {
  await db
    .selectNoFrom((eb) =>
      eb
        .fn('pg_advisory_xact_lock', [
          eb.fn('hashtextextended', [eb.val(`survey_tallies:${surveyId}`), eb.lit(0)]),
        ])
        .as('locked'),
    )
    .execute();
}

/**
 * On PostgreSQL, holds a transaction lock on one participant's answers to one survey, so two
 * simultaneous submissions (a double click, two tabs) cannot both start or complete a response
 * where one is allowed. SQLite runs one write transaction at a time and needs none.
 */
export async function lockParticipantSurveyOnPostgres(
  db: Db,
  surveyId: string,
  participantId: string,
): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db
    .selectNoFrom((eb) =>
      eb
        .fn('pg_advisory_xact_lock', [
          eb.fn('hashtextextended', [eb.val(`survey_response:${surveyId}:${participantId}`), eb.lit(0)]),
        ])
        .as('locked'),
    )
    .execute();
}

/** Inserts or replaces tallies, one statement per 500 rows. The caller holds the transaction that read them. */
export async function upsertTallies(
  db: Db,
  organizationId: string,
  surveyId: string,
  tallies: { questionId: string; segment: string; data: string }[],
): Promise<void> {
  for (let i = 0; i < tallies.length; i += 500) {
    await db
      .insertInto('survey_tallies')
      .values(
        tallies.slice(i, i + 500).map((t) => ({
          organization_id: organizationId,
          survey_id: surveyId,
          question_id: t.questionId,
          segment: t.segment,
          data: t.data,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['survey_id', 'question_id', 'segment'])
          .doUpdateSet((eb) => ({ data: eb.ref('excluded.data') })),
      )
      .execute();
  }
}

// The tallier: completed responses wait with `tallied = 0` (a partial index holds only those) until
// they are folded into the tallies; the fold marks them in the transaction that writes the tallies.

/** Surveys that have completed responses waiting to be tallied (the background tallier's work list). */
export async function surveysWithUntalliedResponses(
  db: Db,
  limit: number,
): Promise<{ organizationId: string; surveyId: string }[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['organization_id', 'survey_id'])
    .distinct()
    .where('tallied', '=', sql.lit(0))
    .where('status', '=', sql.lit('completed'))
    .limit(limit)
    .execute();
  return rows.map((r) => ({ organizationId: r.organization_id, surveyId: r.survey_id }));
}

/** Whether a survey has completed responses not yet in its tallies. */
export async function hasUntalliedResponses(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('survey_responses')
    .select('id')
    .where('survey_id', '=', surveyId)
    .where('status', '=', sql.lit('completed'))
    .where('organization_id', '=', organizationId)
    .where('tallied', '=', sql.lit(0))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A waiting response as the tallier sees it; `answers`/`segments` are undefined when unreadable. */
export interface UntalliedResponse {
  id: string;
  versionId: string;
  answers: Answers | undefined;
  segments: Record<string, string> | undefined;
}

function parseObject<T>(text: string): T | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The query behind `untalliedResponses` (its plan is checked in the tallier's tests). */
export function untalliedResponsesQuery(db: Db, organizationId: string, surveyId: string, limit: number) {
  // Literals, not parameters: the planner matches them to the partial index of waiting responses
  // without needing the bound values.
  return db
    .selectFrom('survey_responses')
    .select(['id', 'version_id', 'answers', 'segments'])
    .where('survey_id', '=', surveyId)
    .where('status', '=', sql.lit('completed'))
    .where('organization_id', '=', organizationId)
    .where('tallied', '=', sql.lit(0))
    .limit(limit);
}

/** Up to `limit` completed responses of a survey not yet in its tallies: what the fold needs of each. */
export async function untalliedResponses(
  db: Db,
  organizationId: string,
  surveyId: string,
  limit: number,
): Promise<UntalliedResponse[]> {
  const rows = await untalliedResponsesQuery(db, organizationId, surveyId, limit).execute();
  // One unreadable row must not stop the others: the tallier quarantines it.
  return rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    answers: parseObject<Answers>(r.answers),
    segments: parseObject<Record<string, string>>(r.segments),
  }));
}

/** Takes responses the tallier cannot count off the waiting list, without counting them. */
export async function markQuarantined(db: Db, organizationId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('survey_responses')
      .set({ tallied: QUARANTINED })
      .where('organization_id', '=', organizationId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/** Marks responses as counted in the tallies; the caller writes those tallies in the same transaction. */
export async function markTallied(db: Db, organizationId: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('survey_responses')
      .set({ tallied: 1 })
      .where('organization_id', '=', organizationId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}
