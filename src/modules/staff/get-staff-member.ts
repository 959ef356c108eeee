import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { findStaffMember, listDepartments, type Department, type StaffMember } from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** One colleague with the departments they could be moved to; `not_found` outside the actor's organization. */
export async function getStaffMember(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
): Promise<{ member: StaffMember; departments: Department[] }> {
  authorize(actor, staffRules.viewTeam);
  const member = await findStaffMember(db, actor.organizationId, id);
  if (!member) throw notFound();
  return { member, departments: await listDepartments(db, actor.organizationId) };
}
