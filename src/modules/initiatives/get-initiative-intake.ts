import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { ReadCache } from '../../platform/read-cache.js';
import { findInitiative } from './initiatives.repository.js';
import { initiativeRules } from './initiatives.policy.js';
import type { InitiativeStatus } from './initiatives.table.js';

/** What taking in a contribution needs to know of an initiative: whether it is open, and its consent text. */
export interface InitiativeIntake {
  status: InitiativeStatus;
  consentTextId: string | null;
}

// (organization, initiative) → its intake, for two seconds: every survey submission checks it, and
// the full initiative costs four queries. The use cases that change status or consent
// (changeInitiativeStatus, updateInitiative) call `forgetInitiativeIntake`, so this process sees the
// change at once (a closed initiative refuses the next submission); other processes within INTAKE_TTL_MS.
const INTAKE_TTL_MS = 2000;
const intakes = new ReadCache<InitiativeIntake | undefined>(INTAKE_TTL_MS, 2000);

/** Forgets the cached intake of an initiative (its status or consent text changed). */
export function forgetInitiativeIntake(organizationId: string, id: string): void {
  intakes.invalidate(`${organizationId}\u0000${id}`);
}

/**
 * An initiative's status and current consent text id, for the same actors and with the same
 * "another organization's id is not found" rule as getInitiative, but cached.
 */
export async function getInitiativeIntake(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
): Promise<InitiativeIntake> {
  authorize(actor, initiativeRules.view);
  const organizationId = actor.organizationId;
  const intake = await intakes.get(`${organizationId}\u0000${id}`, async () => {
    const initiative = await findInitiative(db, organizationId, id);
    return initiative
      ? Object.freeze({ status: initiative.status, consentTextId: initiative.consent?.id ?? null })
      : undefined;
  });
  if (!intake) throw notFound();
  return intake;
}
