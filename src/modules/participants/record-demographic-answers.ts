import type { Db } from '../../db/database.js';
import { resolveDemographicAnswers } from './demographic-answers.js';
import { demographicAnswersOf, upsertDemographicAnswers } from './demographics.repository.js';

/**
 * Records demographic answers given elsewhere (a survey's demographic question) for a known
 * participant, keeping their other answers. Values are category ids or `prefer_not_to_say`.
 */
export async function recordDemographicAnswers(
  db: Db,
  organizationId: string,
  participantId: string,
  answers: Record<string, string>,
): Promise<void> {
  const resolved = await resolveDemographicAnswers(db, organizationId, answers, 'answers');
  await upsertDemographicAnswers(db, organizationId, participantId, resolved);
}

/** A participant's current categories by attribute id (prefer-not-to-say and unanswered left out). */
export async function currentSegmentsOf(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<Record<string, string>> {
  const answers = (await demographicAnswersOf(db, organizationId, [participantId])).get(participantId) ?? [];
  const out: Record<string, string> = {};
  for (const a of answers) if (a.categoryId) out[a.attributeId] = a.categoryId;
  return out;
}
