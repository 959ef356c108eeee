import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import {
  findInitiative,
  listDepartmentOptions,
  listInitiatives,
  listStaffOptions,
  participantCounts,
} from './initiatives.repository.js';
import { initiativeRules } from './initiatives.policy.js';
import type { Initiative } from './initiatives.table.js';

/** An initiative with what its staff page shows around it. */
export interface InitiativeOverview {
  initiative: Initiative;
  participants: number;
  responsibleName: string | null;
  departmentNames: string[];
  canManage: boolean;
}

/** Everything the staff page of one initiative needs. */
export async function getInitiativeOverview(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
): Promise<InitiativeOverview> {
  authorize(actor, initiativeRules.view);
  const initiative = await findInitiative(db, actor.organizationId, id);
  if (!initiative) throw notFound();
  const [counts, staff, departments] = await Promise.all([
    participantCounts(db, actor.organizationId),
    listStaffOptions(db, actor.organizationId),
    listDepartmentOptions(db, actor.organizationId),
  ]);
  return {
    initiative,
    participants: counts.get(id) ?? 0,
    responsibleName: staff.find((s) => s.id === initiative.responsibleStaffId)?.name ?? null,
    departmentNames: departments.filter((d) => initiative.departmentIds.includes(d.id)).map((d) => d.name),
    canManage: can(actor, initiativeRules.manage),
  };
}

/** The organization's initiatives with participant counts (list and dashboard). */
export async function getInitiativesSummary(
  db: Db,
  actor: StaffActor | undefined,
): Promise<{ initiatives: Initiative[]; counts: Map<string, number>; canManage: boolean }> {
  authorize(actor, initiativeRules.view);
  const [initiatives, counts] = await Promise.all([
    listInitiatives(db, actor.organizationId),
    participantCounts(db, actor.organizationId),
  ]);
  return { initiatives, counts, canManage: can(actor, initiativeRules.manage) };
}

/** The staff and departments the planning form offers. */
export async function getPlanningOptions(
  db: Db,
  actor: StaffActor | undefined,
): Promise<{ staff: { id: string; name: string }[]; departments: { id: string; name: string }[] }> {
  authorize(actor, initiativeRules.manage);
  const [staff, departments] = await Promise.all([
    listStaffOptions(db, actor.organizationId),
    listDepartmentOptions(db, actor.organizationId),
  ]);
  return { staff, departments };
}
