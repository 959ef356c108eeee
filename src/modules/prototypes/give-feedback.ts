import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { isOpen, latestVersion, participantGate } from './prototype-access.js';
import { FeedbackInput } from './prototype-input.js';
import { participantResponder } from './get-prototype.js';
import { findPrototype, insertFeedback } from './prototypes.repository.js';

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
  const version = latestVersion(prototype);
  const now = nowIso();
  if (!isOpen(version, now)) throw new AppError('round_closed');
  const input = parseInput(FeedbackInput, raw);
  const known = new Set(version.questions.map((q) => q.id));
  const unknown = Object.keys(input.answers).filter((id) => !known.has(id));
  if (unknown.length > 0) throw invalid(unknown.map((id) => ({ field: `answers.${id}`, code: 'unknownId' })));
  const said = [input.works, input.doesNotWork, input.missing, ...Object.values(input.answers)].some(
    (s) => s !== '',
  );
  // A rating alone tells little: at least one remark or answer makes the feedback usable.
  if (!said) throw invalid([{ field: 'works', code: 'prototypes.saySomething' }]);
  const stored = await insertFeedback(
    db,
    organizationId,
    version.id,
    { key: participantResponder(participant.id), participantId: participant.id },
    input,
    now,
  );
  if (!stored) throw new AppError('already_responded');
}
