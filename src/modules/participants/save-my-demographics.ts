import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { DemographicAnswersInput, resolveDemographicAnswers } from './demographic-answers.js';
import { replaceDemographicAnswers } from './demographics.repository.js';
import { findCurrentParticipant } from './find-current-participant.js';

/** The participant's answers; attributes left out are "not answered". */
export const SaveMyDemographicsInput = Type.Object({ answers: DemographicAnswersInput });

/** Saves the participant's demographic answers, replacing earlier ones; every answer is optional. */
export async function saveMyDemographics(
  db: Db,
  organizationId: string,
  participantId: string | undefined,
  raw: unknown,
): Promise<void> {
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  if (!participant) throw notFound();
  const input = parseInput(SaveMyDemographicsInput, raw);
  const answers = await resolveDemographicAnswers(db, organizationId, input.answers, 'answers');
  await replaceDemographicAnswers(db, organizationId, participant.id, answers);
}
