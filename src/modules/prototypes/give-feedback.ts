import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import { participantGate, recordFeedback } from './prototype-access.js';
import { participantResponder } from './get-prototype.js';
import { findPrototype } from './prototypes.repository.js';

/**
 * A participant who accepted the initiative's current consent gives structured feedback on the
 * current round of a prototype: what works, what does not, what is missing, a rating and answers
 * to the round's questions. Refused after the round closed (`round_closed`) and a second time
 * (`already_responded`).
 */
export async function giveFeedback(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
  prototypeId: string,
  raw: unknown,
): Promise<void> {
  const { initiative, participant } = await participantGate(
    db,
    organizationId,
    initiativeSlug,
    participantId,
  );
  const prototype = await findPrototype(db, organizationId, initiative.id, prototypeId);
  if (!prototype) throw notFound();
  await recordFeedback(
    db,
    organizationId,
    prototype,
    { key: participantResponder(participant.id), participantId: participant.id },
    raw,
  );
}
