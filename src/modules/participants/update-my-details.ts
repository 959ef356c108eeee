import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { findCurrentParticipant } from './find-current-participant.js';
import { checkFollowUp, ContactFields } from './participant-input.js';
import { updateParticipantDetails } from './participants.repository.js';

/** The details a participant edits on "My data"; an absent email removes it. */
export const UpdateMyDetailsInput = Type.Object(ContactFields);

/** Changes the participant's own email, follow-up wish, quote consent, language and accessibility needs. */
export async function updateMyDetails(
  db: Db,
  organizationId: string,
  participantId: string | undefined,
  raw: unknown,
): Promise<void> {
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  if (!participant) throw notFound();
  const input = parseInput(UpdateMyDetailsInput, raw);
  checkFollowUp(input);
  await updateParticipantDetails(db, organizationId, participant.id, {
    email: input.email ?? null,
    followUp: input.followUp,
    quoteConsent: input.quoteConsent,
    locale: input.locale ?? participant.locale,
    accessibilityNeeds: input.accessibilityNeeds,
  });
}
