import type { Db } from '../../src/db/database.js';
import type { StaffActor } from '../../src/platform/actor.js';
import { createSurvey } from '../../src/modules/surveys/create-survey.js';
import { addQuestion } from '../../src/modules/surveys/edit-survey-questions.js';
import { publishSurvey } from '../../src/modules/surveys/publish-survey.js';
import type { Survey } from '../../src/modules/surveys/surveys.repository.js';
import type { Question } from '../../src/modules/surveys/survey-definition.js';

/** A question as the builder form takes it (see QuestionInput). */
export type QuestionSpec = Record<string, unknown> & { kind: string; textEn: string };

/**
 * Builds a survey through the real use cases: settings, questions in order, and (unless `draft`)
 * publication. Returns the survey and its questions by position.
 */
export async function buildSurvey(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  options: { settings?: Record<string, unknown>; questions: QuestionSpec[]; draft?: boolean },
): Promise<{ survey: Survey; questions: Question[] }> {
  const survey = await createSurvey(db, actor, initiativeId, {
    titleEn: 'Library survey',
    titleDa: 'Biblioteksundersøgelse',
    ...options.settings,
  });
  const questions: Question[] = [];
  for (const spec of options.questions) questions.push(await addQuestion(db, actor, survey.id, spec));
  const published = options.draft ? survey : await publishSurvey(db, actor, survey.id);
  return { survey: published, questions };
}
