import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { NameSchema } from './staff-input.js';
import { departmentNameTaken, insertDepartment, type Department } from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** Input of the department form (create and rename); not `name`, which the invite form beside it uses. */
export const DepartmentInput = Type.Object({ departmentName: NameSchema });

/** Creates a department in the actor's organization; names are unique within it. */
export async function createDepartment(
  db: Db,
  actor: StaffActor | undefined,
  raw: unknown,
): Promise<Department> {
  authorize(actor, staffRules.manageTeam);
  const { departmentName: name } = parseInput(DepartmentInput, raw);
  if (await departmentNameTaken(db, actor.organizationId, name)) {
    throw invalid([{ field: 'departmentName', code: 'taken' }]);
  }
  const department = await insertDepartment(db, actor.organizationId, name);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'department.create',
    subjectType: 'department',
    subjectId: department.id,
    details: { name },
  });
  return department;
}
