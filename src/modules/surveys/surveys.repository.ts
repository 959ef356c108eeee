import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../platform/clock.js';
import type { Answers } from './survey-answers.js';
import type { SurveyDefinition } from './survey-definition.js';
import type {
  ResponseChannel,
  ResponseMode,
  SurveyKiosksTable,
  SurveyLayout,
  SurveyResponsesTable,
  SurveysTable,
  SurveyStatus,
} from './surveys.table.js';

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
  await db
    .insertInto('survey_response_counts')
    .values({ organization_id: organizationId, survey_id: surveyId, channel, mode, started, completed })
    .onConflict((oc) =>
      oc.columns(['survey_id', 'channel', 'mode']).doUpdateSet({
        started: sql<number>`survey_response_counts.started + excluded.started`,
        completed: sql<number>`survey_response_counts.completed + excluded.completed`,
      }),
    )
    .execute();
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
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('survey_responses')
    .values({
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
    })
    .execute();
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

// Distribution: invitations and kiosks.

/** A personal invitation to a survey (its token is never stored, only hashes). */
export interface SurveyInvitation {
  id: string;
  organizationId: string;
  surveyId: string;
  participantId: string | null;
  email: string | null;
  locale: string;
  responseId: string | null;
  sentAt: string;
  remindedAt: string | null;
  openedAt: string | null;
}

const invitationColumns = [
  'i.id',
  'i.organization_id',
  'i.survey_id',
  'i.participant_id',
  'i.email',
  'i.locale',
  'i.response_id',
  'i.sent_at',
  'i.reminded_at',
  'i.opened_at',
] as const;

function toInvitation(row: {
  id: string;
  organization_id: string;
  survey_id: string;
  participant_id: string | null;
  email: string | null;
  locale: string;
  response_id: string | null;
  sent_at: string;
  reminded_at: string | null;
  opened_at: string | null;
}): SurveyInvitation {
  return {
    id: row.id,
    organizationId: row.organization_id,
    surveyId: row.survey_id,
    participantId: row.participant_id,
    email: row.email,
    locale: row.locale,
    responseId: row.response_id,
    sentAt: row.sent_at,
    remindedAt: row.reminded_at,
    openedAt: row.opened_at,
  };
}

/** Stores an invitation with the hash of its link's token. */
export async function insertInvitation(
  db: Db,
  invitation: {
    organizationId: string;
    surveyId: string;
    participantId: string | null;
    email: string | null;
    locale: string;
    tokenHash: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('survey_invitations')
    .values({
      id,
      organization_id: invitation.organizationId,
      survey_id: invitation.surveyId,
      participant_id: invitation.participantId,
      email: invitation.email,
      locale: invitation.locale,
      token_hash: invitation.tokenHash,
      reminder_token_hash: null,
      response_id: null,
      sent_at: nowIso(),
      reminded_at: null,
      opened_at: null,
    })
    .execute();
  return id;
}

/** Who a survey's invitations already went to: participant ids and (lower-case) addresses. */
export async function invitedSoFar(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<{ participantIds: Set<string>; emails: Set<string> }> {
  const rows = await db
    .selectFrom('survey_invitations')
    .select(['participant_id', 'email'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .execute();
  return {
    participantIds: new Set(rows.flatMap((r) => (r.participant_id ? [r.participant_id] : []))),
    emails: new Set(rows.flatMap((r) => (r.email ? [r.email.toLowerCase()] : []))),
  };
}

/** The invitation a link's token (first mail or reminder) belongs to. */
export async function findInvitationByTokenHash(
  db: Db,
  organizationId: string,
  tokenHash: string,
): Promise<SurveyInvitation | undefined> {
  const row = await db
    .selectFrom('survey_invitations as i')
    .select(invitationColumns)
    .where('i.organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('i.token_hash', '=', tokenHash), eb('i.reminder_token_hash', '=', tokenHash)]))
    .executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** Notes the first time an invitation's link was opened. */
export async function markInvitationOpened(db: Db, organizationId: string, id: string): Promise<void> {
  await db
    .updateTable('survey_invitations')
    .set({ opened_at: nowIso() })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('opened_at', 'is', null)
    .execute();
}

/** Ties an invitation to the participant who took it up and the response it started. */
export async function linkInvitation(
  db: Db,
  organizationId: string,
  id: string,
  participantId: string,
  responseId: string | null,
): Promise<void> {
  await db
    .updateTable('survey_invitations')
    .set({ participant_id: participantId, ...(responseId ? { response_id: responseId } : {}) })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/**
 * Invitations of a survey that may get their one reminder: not reminded yet, and neither the
 * invitation's response nor any other response of the invited participant is completed.
 */
export async function invitationsToRemind(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<SurveyInvitation[]> {
  const rows = await db
    .selectFrom('survey_invitations as i')
    .leftJoin('survey_responses as r', 'r.id', 'i.response_id')
    .select(invitationColumns)
    .where('i.organization_id', '=', organizationId)
    .where('i.survey_id', '=', surveyId)
    .where('i.reminded_at', 'is', null)
    .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', '<>', 'completed')]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('survey_responses as done')
            .select('done.id')
            .whereRef('done.survey_id', '=', 'i.survey_id')
            .whereRef('done.participant_id', '=', 'i.participant_id')
            .where('done.status', '=', 'completed'),
        ),
      ),
    )
    .orderBy('i.sent_at')
    .orderBy('i.id')
    .execute();
  return rows.map(toInvitation);
}

/** Records an invitation's reminder; false when it was already reminded (a reminder goes once). */
export async function markInvitationReminded(
  db: Db,
  organizationId: string,
  id: string,
  reminderTokenHash: string,
): Promise<boolean> {
  const result = await db
    .updateTable('survey_invitations')
    .set({ reminded_at: nowIso(), reminder_token_hash: reminderTokenHash })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts behind the invitation funnel of a survey. */
export async function invitationCounts(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<{ invited: number; opened: number; reminded: number; started: number; completed: number }> {
  const row = await db
    .selectFrom('survey_invitations as i')
    .leftJoin('survey_responses as r', 'r.id', 'i.response_id')
    .select((eb) => [
      eb.fn.countAll().as('invited'),
      eb.fn.count('i.opened_at').as('opened'),
      eb.fn.count('i.reminded_at').as('reminded'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when('r.status', '=', 'completed')
            .then(1)
            .when('r.answers', '<>', '{}')
            .then(1)
            .else(0)
            .end(),
        )
        .as('started'),
      eb.fn
        .sum<number | string | null>(eb.case().when('r.status', '=', 'completed').then(1).else(0).end())
        .as('completed'),
    ])
    .where('i.organization_id', '=', organizationId)
    .where('i.survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return {
    invited: Number(row.invited),
    opened: Number(row.opened),
    reminded: Number(row.reminded),
    started: Number(row.started ?? 0),
    completed: Number(row.completed ?? 0),
  };
}

/** A kiosk: a shared device collecting responses to one survey, and the respondent at it now. */
export interface SurveyKiosk {
  id: string;
  organizationId: string;
  surveyId: string;
  startedBy: string | null;
  respondentTokenHash: string | null;
  respondentConsentTextId: string | null;
  respondentStartedAt: string | null;
  createdAt: string;
  expiresAt: string;
  endedAt: string | null;
}

function toKiosk(row: SurveyKiosksTable): SurveyKiosk {
  return {
    id: row.id,
    organizationId: row.organization_id,
    surveyId: row.survey_id,
    startedBy: row.started_by,
    respondentTokenHash: row.respondent_token_hash,
    respondentConsentTextId: row.respondent_consent_text_id,
    respondentStartedAt: row.respondent_started_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at,
  };
}

/** Stores a kiosk with the hash of the device's token. */
export async function insertKiosk(
  db: Db,
  kiosk: {
    organizationId: string;
    surveyId: string;
    startedBy: string;
    tokenHash: string;
    expiresAt: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('survey_kiosks')
    .values({
      id,
      organization_id: kiosk.organizationId,
      survey_id: kiosk.surveyId,
      started_by: kiosk.startedBy,
      token_hash: kiosk.tokenHash,
      respondent_token_hash: null,
      respondent_consent_text_id: null,
      respondent_started_at: null,
      created_at: nowIso(),
      expires_at: kiosk.expiresAt,
      ended_at: null,
    })
    .execute();
  return id;
}

/** The kiosk a device's token opens (the token hash is the key; the row names its organization). */
export async function findKioskByToken(
  db: Db,
  kioskId: string,
  tokenHash: string,
): Promise<SurveyKiosk | undefined> {
  const row = await db
    .selectFrom('survey_kiosks')
    .selectAll()
    .where('id', '=', kioskId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toKiosk(row) : undefined;
}

/** Hands the kiosk to a new respondent (or to nobody), replacing whoever was at it. */
export async function setKioskRespondent(
  db: Db,
  organizationId: string,
  kioskId: string,
  respondent: { tokenHash: string; consentTextId: string } | null,
): Promise<void> {
  await db
    .updateTable('survey_kiosks')
    .set({
      respondent_token_hash: respondent?.tokenHash ?? null,
      respondent_consent_text_id: respondent?.consentTextId ?? null,
      respondent_started_at: respondent ? nowIso() : null,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', kioskId)
    .execute();
}

/** Uses up the respondent's one-time token; false when it is not the current one (replayed or stale). */
export async function consumeKioskRespondent(
  db: Db,
  organizationId: string,
  kioskId: string,
  tokenHash: string,
): Promise<boolean> {
  const result = await db
    .updateTable('survey_kiosks')
    .set({ respondent_token_hash: null, respondent_consent_text_id: null, respondent_started_at: null })
    .where('organization_id', '=', organizationId)
    .where('id', '=', kioskId)
    .where('respondent_token_hash', '=', tokenHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends a kiosk: its device's token stops working. */
export async function endKiosk(db: Db, organizationId: string, kioskId: string): Promise<boolean> {
  const result = await db
    .updateTable('survey_kiosks')
    .set({ ended_at: nowIso(), respondent_token_hash: null })
    .where('organization_id', '=', organizationId)
    .where('id', '=', kioskId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A survey's kiosks that still run (not ended, not expired), newest first. */
export async function activeKiosks(db: Db, organizationId: string, surveyId: string): Promise<SurveyKiosk[]> {
  const rows = await db
    .selectFrom('survey_kiosks')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toKiosk);
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
    .where('tallied', '=', 0)
    .where('status', '=', 'completed')
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
    .where('tallied', '=', 0)
    .where('status', '=', 'completed')
    .where('organization_id', '=', organizationId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Up to `limit` completed responses of a survey not yet in its tallies: what the fold needs of each. */
export async function untalliedResponses(
  db: Db,
  organizationId: string,
  surveyId: string,
  limit: number,
): Promise<{ id: string; versionId: string; answers: Answers; segments: Record<string, string> }[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['id', 'version_id', 'answers', 'segments'])
    .where('survey_id', '=', surveyId)
    .where('tallied', '=', 0)
    .where('status', '=', 'completed')
    .where('organization_id', '=', organizationId)
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    answers: JSON.parse(r.answers) as Answers,
    segments: JSON.parse(r.segments) as Record<string, string>,
  }));
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
