import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { DepartmentInput } from './create-department.js';
import {
  departmentNameTaken,
  findDepartment,
  updateDepartmentName,
  type Department,
} from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** Renames a department of the actor's organization; `not_found` for another organization's id. */
export async function renameDepartment(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
  raw: unknown,
): Promise<Department> {
  authorize(actor, staffRules.manageTeam);
  const department = await findDepartment(db, actor.organizationId, id);
  if (!department) throw notFound();
  const { departmentName: name } = parseInput(DepartmentInput, raw);
  if (name === department.name) return department;
  if (await departmentNameTaken(db, actor.organizationId, name, id)) {
    throw invalid([{ field: 'departmentName', code: 'taken' }]);
  }
  await updateDepartmentName(db, actor.organizationId, id, name);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'department.rename',
    subjectType: 'department',
    subjectId: id,
    details: { from: department.name, to: name },
  });
  return { ...department, name };
}
