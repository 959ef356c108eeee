import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { forgetTokenActors } from '../../platform/auth/api-tokens.js';
import { AppError, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { IdSchema, RoleSchema, departmentOf } from './staff-input.js';
import {
  countOtherActiveAdmins,
  findStaffMember,
  updateStaff,
  type StaffMember,
} from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** Input of the member form; no department means "none". */
export const UpdateStaffMemberInput = Type.Object({
  role: RoleSchema,
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  departmentId: Type.Optional(IdSchema),
});

/**
 * Changes a staff member's role, department and status. The organization always keeps one active
 * admin: otherwise nobody could invite staff or change roles again without database access.
 */
export async function updateStaffMember(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
  raw: unknown,
): Promise<StaffMember> {
  authorize(actor, staffRules.manageTeam);
  const member = await findStaffMember(db, actor.organizationId, id);
  if (!member) throw notFound();
  const input = parseInput(UpdateStaffMemberInput, raw);
  const departmentId = await departmentOf(db, actor.organizationId, input.departmentId);
  const losesAdmin =
    member.role === 'admin' &&
    member.status === 'active' &&
    (input.role !== 'admin' || input.status !== 'active');
  if (losesAdmin && (await countOtherActiveAdmins(db, actor.organizationId, member.id)) === 0) {
    throw new AppError('conflict', {
      fields: [{ field: input.role !== 'admin' ? 'role' : 'status', code: 'lastAdmin' }],
    });
  }
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  if (input.role !== member.role) changes.role = { from: member.role, to: input.role };
  if (input.status !== member.status) changes.status = { from: member.status, to: input.status };
  if (departmentId !== member.departmentId)
    changes.departmentId = { from: member.departmentId, to: departmentId };
  if (Object.keys(changes).length === 0) return member;
  await updateStaff(db, actor.organizationId, id, { role: input.role, status: input.status, departmentId });
  // API tokens carry the member's rights: a disabled member's token is refused from the next request.
  forgetTokenActors();
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'staff.update',
    subjectType: 'staff',
    subjectId: id,
    details: changes,
  });
  const updated = await findStaffMember(db, actor.organizationId, id);
  if (!updated) throw notFound();
  return updated;
}
