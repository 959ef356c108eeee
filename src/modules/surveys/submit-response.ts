import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiativeIntake } from '../initiatives/get-initiative-intake.js';
import { settleCompletedResponse } from './complete-response.js';
import { applyAnswers, unknownQuestionIds } from './survey-answers.js';
import { allQuestions } from './survey-definition.js';
import { surveyRules } from './surveys.policy.js';
import { cachedSurveyState } from './survey-state-cache.js';
import { insertResponse } from './surveys.repository.js';
import { responseModes } from './surveys.table.js';
import { currentVersionOf, rememberAnsweredVersion } from './version-cache.js';

/** A complete response sent in one go (API, integrations). */
export const SubmitResponseInput = Type.Object({
  answers: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), {
    description:
      'question id → answer: an option id; option ids (multiple choice; ranking in ranked order); a number; text; a date (YYYY-MM-DD)',
  }),
  mode: Type.Union(
    responseModes.map((m) => Type.Literal(m)),
    { default: 'online' },
  ),
});
export type SubmitResponseInput = Static<typeof SubmitResponseInput>;

/**
 * Stores a complete, anonymous response to a published survey in one transaction: every answer is
 * checked against the current version (unknown questions, wrong options, out-of-range numbers and
 * missing required answers are field errors `answers.<question id>`). The response is stored
 * untallied; the tallier adds it to the results' tallies (see complete-response.ts). The survey's
 * state, its current version and the initiative's status come from short-lived caches that the
 * use cases changing them invalidate (survey-state-cache.ts, version-cache.ts, get-initiative-intake.ts).
 */
export async function submitResponse(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
  raw: unknown,
): Promise<{ id: string; versionId: string; version: number }> {
  authorize(actor, surveyRules.collect);
  const input = parseInput(SubmitResponseInput, raw);
  const survey = await cachedSurveyState(db, actor.organizationId, surveyId);
  if (!survey || !survey.currentVersionId) throw notFound();
  if (survey.status !== 'published') throw new AppError('survey_closed');
  const initiative = await getInitiativeIntake(db, actor, survey.initiativeId);
  if (initiative.status !== 'open') throw new AppError('initiative_not_open');
  const version = await currentVersionOf(db, actor.organizationId, survey);
  if (!version) throw notFound();
  const definition = version.definition;
  const unknown = unknownQuestionIds(definition, input.answers);
  if (unknown.length > 0) throw invalid(unknown.map((id) => ({ field: `answers.${id}`, code: 'unknownId' })));
  const { answers, errors } = applyAnswers(definition, {}, allQuestions(definition), input.answers, true);
  if (errors.length > 0)
    throw invalid(errors.map((e) => ({ ...e, field: `answers.${e.field.replace(/^q_/, '')}` })));
  const segments = await settleCompletedResponse(
    db,
    actor.organizationId,
    survey.id,
    definition,
    null,
    answers,
  );
  const id = await insertResponse(
    db,
    {
      organizationId: actor.organizationId,
      surveyId: survey.id,
      versionId: version.id,
      participantId: null,
      consentTextId: initiative.consentTextId,
      channel: 'api',
      mode: input.mode,
      enteredBy: actor.staffId,
    },
    answers,
    'completed',
    segments,
  );
  rememberAnsweredVersion(actor.organizationId, survey, version);
  return { id, versionId: version.id, version: version.version };
}
