import type { Db } from '../../db/database.js';
import { allQuestions, localized, PREFER_NOT_TO_SAY } from './survey-definition.js';
import {
  anonymizeResponsesOf,
  deleteResponsesInProgressOf,
  findVersion,
  responsesForParticipant,
} from './surveys.repository.js';

/** One of a participant's survey responses, readable: each question with the answer given. */
export interface MySurveyResponse {
  surveyId: string;
  survey: string;
  status: 'in_progress' | 'completed';
  channel: string;
  startedAt: string;
  completedAt: string | null;
  answers: { question: string; answer: string | number | string[] }[];
}

/** The participant's survey responses (for "My data" and its download), answers shown as labels. */
export async function listMySurveyResponses(
  db: Db,
  organizationId: string,
  participantId: string,
  locale = 'en',
): Promise<MySurveyResponse[]> {
  const rows = await responsesForParticipant(db, organizationId, participantId);
  const out: MySurveyResponse[] = [];
  for (const r of rows) {
    const version = await findVersion(db, organizationId, r.versionId);
    const questions = version ? allQuestions(version.definition) : [];
    const label = (questionId: string, id: string) => {
      if (id === PREFER_NOT_TO_SAY) return 'prefer not to say';
      const option = questions.find((q) => q.id === questionId)?.options.find((o) => o.id === id);
      return option ? localized(option.label, locale) : id;
    };
    out.push({
      surveyId: r.surveyId,
      survey: r.titleEn,
      status: r.status,
      channel: r.channel,
      startedAt: r.startedAt,
      completedAt: r.completedAt,
      answers: questions
        .filter((q) => r.answers[q.id] !== undefined)
        .map((q) => {
          const a = r.answers[q.id]!;
          const choice = q.options.length > 0 || q.kind === 'demographic';
          return {
            question: localized(q.text, locale),
            answer: Array.isArray(a)
              ? a.map((id) => label(q.id, id))
              : choice && typeof a === 'string'
                ? label(q.id, a)
                : a,
          };
        }),
    });
  }
  return out;
}

/**
 * On erasure: responses in progress are deleted (they were never contributed); completed ones are
 * unlinked from the participant and stay as anonymous input, as do the tallies they are part of.
 */
export async function anonymizeMySurveyResponses(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await deleteResponsesInProgressOf(db, organizationId, participantId);
  await anonymizeResponsesOf(db, organizationId, participantId);
}
