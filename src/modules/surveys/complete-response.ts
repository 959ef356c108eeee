import type { Db } from '../../db/database.js';
import { currentSegmentsOf, recordDemographicAnswers } from '../participants/record-demographic-answers.js';
import { visibleQuestions, type Answers } from './survey-answers.js';
import { PREFER_NOT_TO_SAY, type SurveyDefinition } from './survey-definition.js';
import { tallyWanted } from './tally-loop.js';

/**
 * What happens when a response is complete, in the caller's transaction: demographic answers
 * update the participant's profile and the respondent's segments are fixed for this response (the
 * caller stores them with it). The incremental tallies behind the results page take the answers in
 * later, exactly once: the caller stores the response completed and untallied, and the tallier
 * (survey-tallies.ts) folds it in, in batches, from the background loop or before any read of tallies.
 */
export async function settleCompletedResponse(
  db: Db,
  organizationId: string,
  surveyId: string,
  definition: SurveyDefinition,
  participantId: string | null,
  answers: Answers,
): Promise<Record<string, string>> {
  const demographic: Record<string, string> = {};
  for (const q of visibleQuestions(definition, answers)) {
    const a = answers[q.id];
    if (q.kind === 'demographic' && q.attributeId && typeof a === 'string') demographic[q.attributeId] = a;
  }
  let segments: Record<string, string>;
  if (participantId) {
    if (Object.keys(demographic).length > 0)
      await recordDemographicAnswers(db, organizationId, participantId, demographic);
    segments = await currentSegmentsOf(db, organizationId, participantId);
  } else {
    segments = Object.fromEntries(Object.entries(demographic).filter(([, v]) => v !== PREFER_NOT_TO_SAY));
  }
  tallyWanted();
  return segments;
}
