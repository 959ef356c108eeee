import type { Db } from '../../src/db/database.js';
import type { StaffActor } from '../../src/platform/actor.js';
import { answerSurveyPage } from '../../src/modules/surveys/respond-to-survey.js';
import { submitResponse } from '../../src/modules/surveys/submit-response.js';

/**
 * A participant answers a published one-page survey through the real use case: `submit` completes
 * the response, `save` leaves it in progress. Returns the response id.
 */
export async function answerAsParticipant(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  surveyId: string,
  participantId: string,
  answers: Record<string, unknown>,
  action: 'submit' | 'save' = 'submit',
): Promise<string> {
  const outcome = await answerSurveyPage(
    db,
    organizationId,
    initiativeSlug,
    surveyId,
    participantId,
    0,
    action,
    answers,
  );
  return outcome.responseId;
}

/** An anonymous complete response sent in one go (as the API does), by a collecting staff member. */
export async function submitAnonymousResponse(
  db: Db,
  actor: StaffActor,
  surveyId: string,
  answers: Record<string, unknown>,
): Promise<string> {
  return (await submitResponse(db, actor, surveyId, { answers })).id;
}
