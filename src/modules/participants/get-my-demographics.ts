import type { Db } from '../../db/database.js';
import { demographicAnswersOf, listAttributes } from './demographics.repository.js';
import { findCurrentParticipant } from './find-current-participant.js';
import type { DemographicAnswer, DemographicAttribute } from './participants.table.js';

/** The organization's questions and the participant's answers, or null without a participant. */
export async function getMyDemographics(
  db: Db,
  organizationId: string,
  participantId: string | undefined,
): Promise<{ attributes: DemographicAttribute[]; answers: DemographicAnswer[] } | null> {
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  if (!participant) return null;
  const [attributes, answers] = await Promise.all([
    listAttributes(db, organizationId),
    demographicAnswersOf(db, organizationId, [participant.id]),
  ]);
  return { attributes, answers: answers.get(participant.id) ?? [] };
}
