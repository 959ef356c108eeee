import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { requireCurrentConsent } from '../participants/require-current-consent.js';
import type { Participant } from '../participants/participants.table.js';
import { findPrototype } from './prototypes.repository.js';
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
