import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import {
  listDepartments,
  listOpenInvitations,
  listStaff,
  type Department,
  type Invitation,
  type StaffMember,
} from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** The organization's team as one staff member may see it. */
export interface Team {
  members: StaffMember[];
  departments: Department[];
  /** Open invitations: only admins see them (they hold who is about to join). */
  invitations: Invitation[];
}

/** Lists the actor's organization's staff, departments and, for admins, open invitations. */
export async function listTeam(db: Db, actor: StaffActor | undefined): Promise<Team> {
  authorize(actor, staffRules.viewTeam);
  const [members, departments, invitations] = [
    await listStaff(db, actor.organizationId),
    await listDepartments(db, actor.organizationId),
    can(actor, staffRules.manageTeam) ? await listOpenInvitations(db, actor.organizationId, nowIso()) : [],
  ];
  return { members, departments, invitations };
}
