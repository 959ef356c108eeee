import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { findCurrentParticipant } from '../participants/find-current-participant.js';
import { saveSubscription } from './follow-up.repository.js';

/** The participant's choice: receive follow-up mail again (`on`) or stop it (`off`). */
export const FollowUpMailInput = Type.Object({
  mail: Type.Union([Type.Literal('on'), Type.Literal('off')]),
});

/** Subscribes the participant behind the cookie to follow-up mail again, or unsubscribes them. */
export async function changeMyFollowUpMail(
  db: Db,
  organizationId: string,
  participantId: string | undefined,
  raw: unknown,
): Promise<'on' | 'off'> {
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  if (!participant) throw notFound();
  const input = parseInput(FollowUpMailInput, raw);
  await saveSubscription(
    db,
    organizationId,
    participant.id,
    input.mail === 'off' ? nowIso() : null,
    nowIso(),
  );
  return input.mail;
}
