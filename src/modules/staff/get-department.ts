import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { findDepartment, type Department } from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** One department of the actor's organization, for renaming; `not_found` for any other id. */
export async function getDepartment(db: Db, actor: StaffActor | undefined, id: string): Promise<Department> {
  authorize(actor, staffRules.manageTeam);
  const department = await findDepartment(db, actor.organizationId, id);
  if (!department) throw notFound();
  return department;
}
