import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { findInitiative, listInitiatives } from './initiatives.repository.js';
import { initiativeRules } from './initiatives.policy.js';
import type { Initiative } from './initiatives.table.js';

/** One initiative of the actor's organization; another organization's id is simply not found. */
export async function getInitiative(db: Db, actor: StaffActor | undefined, id: string): Promise<Initiative> {
  authorize(actor, initiativeRules.view);
  const initiative = await findInitiative(db, actor.organizationId, id);
  if (!initiative) throw notFound();
  return initiative;
}

/** The actor's organization's initiatives, optionally of some statuses. */
export async function listStaffInitiatives(
  db: Db,
  actor: StaffActor | undefined,
  statuses?: string[],
): Promise<Initiative[]> {
  authorize(actor, initiativeRules.view);
  return listInitiatives(db, actor.organizationId, statuses ? { statuses } : {});
}
