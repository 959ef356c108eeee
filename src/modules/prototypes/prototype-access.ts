import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { FeedbackInput } from './prototype-input.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { requireCurrentConsent } from '../participants/require-current-consent.js';
import type { Participant } from '../participants/participants.table.js';
import { findPrototype, insertFeedback } from './prototypes.repository.js';
import type { Prototype, PrototypeVersion } from './prototypes.table.js';

// Shared steps of the prototype use cases (not use cases themselves).

/** The initiative of the actor's organization and one of its prototypes; otherwise not found. */
export async function loadPrototype(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  prototypeId: string,
): Promise<{ initiative: Initiative; prototype: Prototype }> {
  const initiative = await getInitiative(db, actor, initiativeId);
  const prototype = await findPrototype(db, actor.organizationId, initiative.id, prototypeId);
  if (!prototype) throw notFound();
  return { initiative, prototype };
}

/** The newest version of a prototype (every prototype has at least one). */
export function latestVersion(prototype: Prototype): PrototypeVersion {
  return prototype.versions[prototype.versions.length - 1]!;
}

/** Whether a round still takes feedback at `now`. */
export function isOpen(version: PrototypeVersion, now: string): boolean {
  return now <= version.closesAt;
}

/** The open initiative and the participant who may give feedback now; otherwise `consent_required`. */
export async function participantGate(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
): Promise<{ initiative: Initiative; participant: Participant }> {
  const check = await requireCurrentConsent(db, organizationId, initiativeSlug, participantId);
  if (!check.ok) throw new AppError('consent_required');
  return { initiative: check.initiative, participant: check.participant };
}

/**
 * Stores one responder's feedback on the current round of a prototype: refused after the round
 * closed (`round_closed`), a second time (`already_responded`), with answers to questions the
 * round does not ask, or with nothing said beyond a rating.
 */
export async function recordFeedback(
  db: Db,
  organizationId: string,
  prototype: Prototype,
  responder: { key: string; participantId: string | null },
  raw: unknown,
): Promise<void> {
  const version = latestVersion(prototype);
  const now = nowIso();
  if (!isOpen(version, now)) throw new AppError('round_closed');
  const input = parseInput(FeedbackInput, raw);
  const known = new Set(version.questions.map((q) => q.id));
  const unknown = Object.keys(input.answers).filter((id) => !known.has(id));
  if (unknown.length > 0) throw invalid(unknown.map((id) => ({ field: `answers.${id}`, code: 'unknownId' })));
  // A rating alone tells little: at least one remark or answer makes the feedback usable.
  if (![input.works, input.doesNotWork, input.missing, ...Object.values(input.answers)].some((s) => s !== ''))
    throw invalid([{ field: 'works', code: 'prototypes.saySomething' }]);
  if (!(await insertFeedback(db, organizationId, version.id, responder, input, now)))
    throw new AppError('already_responded');
}
