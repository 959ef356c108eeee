import type { Tally } from '../../analysis/survey-results/index.js';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { getSurvey } from './get-survey.js';
import { catchUpSurveyTallies, EVERYONE } from './survey-tallies.js';
import { surveyRules } from './surveys.policy.js';
import { readTalliesWithPrefix } from './surveys.repository.js';

/**
 * Completed respondents of a survey in total and per demographic segment (`<attribute id>:<category
 * id>`, and `<attribute id>:` for "not known"), read from the incremental tallies: a segment's
 * respondents are the most respondents any question was shown to in it (every survey has questions
 * everyone sees, so this is exact for them), so no response is rescanned.
 */
export async function countRespondentsBySegment(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
): Promise<{ total: number; segments: Map<string, number> }> {
  authorize(actor, surveyRules.view);
  const { survey } = await getSurvey(db, actor, surveyId);
  await catchUpSurveyTallies(db, actor.organizationId, survey.id);
  const rows = await readTalliesWithPrefix(db, actor.organizationId, survey.id, '');
  const shown = new Map<string, number>();
  for (const row of rows) {
    const tally = JSON.parse(row.data) as Tally;
    const n = tally.answered.n + tally.skipped.n;
    shown.set(row.segment, Math.max(shown.get(row.segment) ?? 0, n));
  }
  const total = shown.get(EVERYONE) ?? 0;
  shown.delete(EVERYONE);
  return { total, segments: shown };
}
