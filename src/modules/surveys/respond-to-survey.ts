import type { Db } from '../../db/database.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { requireCurrentConsent, type ConsentCheck } from '../participants/require-current-consent.js';
import type { Participant } from '../participants/participants.table.js';
import { settleCompletedResponse } from './complete-response.js';
import { applyAnswers, pagesOf, visibleQuestions, type Answers } from './survey-answers.js';
import { allQuestions, type Question, type SurveyDefinition } from './survey-definition.js';
import {
  findSurvey,
  findVersion,
  insertResponse,
  lockParticipantSurveyOnPostgres,
  responsesOfParticipant,
  updateResponse,
  type Survey,
  type SurveyResponse,
  type SurveyVersion,
} from './surveys.repository.js';

/** Where a participant stands with a survey. */
export type SurveyVisit =
  | { kind: 'needs_consent'; check: Extract<ConsentCheck, { ok: false }> }
  | {
      kind: 'answering';
      initiative: Initiative;
      participant: Participant;
      survey: Survey;
      version: SurveyVersion;
      /** The response in progress, if one was started (resumed on return). */
      response: SurveyResponse | undefined;
      /** The page to show and the shown questions on it. */
      page: number;
      pageCount: number;
      questions: Question[];
      answers: Answers;
    }
  | { kind: 'done'; initiative: Initiative; survey: Survey; response: SurveyResponse };

async function loadPublished(
  db: Db,
  organizationId: string,
  initiative: Initiative,
  surveyId: string,
): Promise<{ survey: Survey; version: SurveyVersion }> {
  const survey = await findSurvey(db, organizationId, surveyId);
  if (
    !survey ||
    survey.initiativeId !== initiative.id ||
    survey.status === 'draft' ||
    !survey.currentVersionId
  )
    throw notFound();
  if (survey.status === 'closed') throw new AppError('survey_closed');
  const version = await findVersion(db, organizationId, survey.currentVersionId);
  if (!version) throw notFound();
  return { survey, version };
}

/**
 * The questions a page shows: those visible for the answers so far, and those whose condition
 * depends on a question shown on the same page (the answer there decides, so the page must offer
 * them: without JavaScript they stay visible with their hint, and the answer is dropped when the
 * condition is not met).
 */
function shownOnPage(ids: string[], byId: Map<string, Question>, visible: Set<string>): Question[] {
  const onPage = new Set<string>();
  for (const id of ids) {
    const q = byId.get(id);
    if (q && (visible.has(id) || (q.condition && onPage.has(q.condition.questionId)))) onPage.add(id);
  }
  return ids.filter((id) => onPage.has(id)).map((id) => byId.get(id)!);
}

/** The shown questions of a page, skipping pages whose questions are all hidden. */
function pageAt(
  definition: SurveyDefinition,
  layout: string,
  answers: Answers,
  wanted: number,
  direction: 1 | -1 = 1,
): { page: number; pageCount: number; questions: Question[] } {
  const pages = pagesOf(definition, layout);
  const shown = new Set(visibleQuestions(definition, answers).map((q) => q.id));
  const byId = new Map(allQuestions(definition).map((q) => [q.id, q]));
  for (let p = Math.max(0, Math.min(wanted, pages.length - 1)); p >= 0 && p < pages.length; p += direction) {
    const questions = shownOnPage(pages[p] ?? [], byId, shown);
    if (questions.length > 0) return { page: p, pageCount: pages.length, questions };
  }
  return { page: -1, pageCount: pages.length, questions: [] };
}

/**
 * What a participant sees when they open a survey: the consent gate, their response in progress
 * (resumed where they left it), a fresh start, or "you have already answered" when only one response
 * per person is allowed.
 */
export async function visitSurvey(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  surveyId: string,
  participantId: string | undefined,
  requestedPage?: number,
): Promise<SurveyVisit> {
  const check = await requireCurrentConsent(db, organizationId, initiativeSlug, participantId);
  if (!check.ok) {
    // An unknown survey is not found even before consent, so links cannot probe for ids.
    await loadPublished(db, organizationId, check.initiative, surveyId);
    return { kind: 'needs_consent', check };
  }
  const { survey, version } = await loadPublished(db, organizationId, check.initiative, surveyId);
  const mine = await responsesOfParticipant(db, organizationId, survey.id, check.participant.id);
  const inProgress = mine.find((r) => r.status === 'in_progress');
  const completed = mine.find((r) => r.status === 'completed');
  if (!inProgress && completed && !survey.allowMultiple)
    return { kind: 'done', initiative: check.initiative, survey, response: completed };
  // A response started on an older version is finished on that version.
  const answering =
    inProgress && inProgress.versionId !== version.id
      ? ((await findVersion(db, organizationId, inProgress.versionId)) ?? version)
      : version;
  const answers = inProgress?.answers ?? {};
  const at = pageAt(answering.definition, survey.layout, answers, requestedPage ?? inProgress?.page ?? 0);
  return {
    kind: 'answering',
    initiative: check.initiative,
    participant: check.participant,
    survey,
    version: answering,
    response: inProgress,
    page: Math.max(at.page, 0),
    pageCount: at.pageCount,
    questions: at.questions,
    answers,
  };
}

/** What the respondent asked for with the page's button. */
export type PageAction = 'next' | 'back' | 'save' | 'submit';

/** The outcome of saving a page. */
export type PageOutcome =
  | { kind: 'page'; page: number; responseId: string }
  | { kind: 'saved'; page: number; responseId: string }
  | { kind: 'completed'; responseId: string };

/**
 * Saves the answers of the page the participant is on and moves on. `next` and `submit` check
 * the page's required questions; `save` and `back` keep what is valid so far without requiring
 * anything. On `submit` (or `next` from the last page) every shown required question must be
 * answered; the response is then completed in the same transaction. Nothing is stored when any
 * answer on the page is invalid: the caller shows the page again with the messages.
 */
export async function answerSurveyPage(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  surveyId: string,
  participantId: string | undefined,
  page: number,
  action: PageAction,
  raw: Record<string, unknown>,
): Promise<PageOutcome> {
  // Simultaneous submissions by the same participant (a double click) take turns on PostgreSQL.
  if (participantId) await lockParticipantSurveyOnPostgres(db, surveyId, participantId);
  const visit = await visitSurvey(db, organizationId, initiativeSlug, surveyId, participantId, page);
  if (visit.kind === 'needs_consent') throw new AppError('consent_required');
  if (visit.kind === 'done') throw new AppError('already_responded');
  const { survey, version, response } = visit;
  const definition = version.definition;
  const strict = action === 'next' || action === 'submit';
  const { answers, errors } = applyAnswers(definition, visit.answers, visit.questions, raw, strict);
  if (errors.length > 0) throw invalid(errors);
  const pages = pagesOf(definition, survey.layout);
  const following = pageAt(definition, survey.layout, answers, visit.page + 1);
  const isLast = following.page < 0 || visit.page + 1 >= pages.length;
  const completing = action === 'submit' || (action === 'next' && isLast);
  if (completing) {
    const missing = visibleQuestions(definition, answers).filter(
      (q) => q.required && answers[q.id] === undefined,
    );
    if (missing.length > 0) {
      throw invalid(missing.map((q) => ({ field: `q_${q.id}`, code: 'answerRequired' })));
    }
  }
  let nextPage = visit.page;
  if (action === 'next' && !isLast) nextPage = following.page;
  if (action === 'back')
    nextPage = Math.max(pageAt(definition, survey.layout, answers, visit.page - 1, -1).page, 0);
  const responseId =
    response?.id ??
    (await insertResponse(
      db,
      {
        organizationId,
        surveyId: survey.id,
        versionId: version.id,
        participantId: visit.participant.id,
        consentTextId: null,
        channel: 'link',
        mode: 'online',
        enteredBy: null,
      },
      answers,
      'in_progress',
    ));
  if (completing) {
    const segments = await settleCompletedResponse(
      db,
      organizationId,
      survey.id,
      definition,
      visit.participant.id,
      answers,
    );
    await updateResponse(db, organizationId, responseId, { answers, page: nextPage, complete: { segments } });
    return { kind: 'completed', responseId };
  }
  await updateResponse(db, organizationId, responseId, { answers, page: nextPage });
  return action === 'save'
    ? { kind: 'saved', page: nextPage, responseId }
    : { kind: 'page', page: nextPage, responseId };
}
