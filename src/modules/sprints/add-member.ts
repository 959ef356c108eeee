import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { invalid, type FieldError } from '../../platform/errors.js';
import { hashToken, newSecretToken } from '../../platform/secret-token.js';
import { parseInput } from '../../platform/validation.js';
import { listTeam } from '../staff/list-team.js';
import { loadSprint } from './sprint-access.js';
import { MemberInput } from './sprint-input.js';
import { insertMember, logActivity } from './sprints.repository.js';
import { sprintRules } from './sprints.policy.js';
import { isStaffRole } from './sprints.table.js';

/**
 * Adds a member to a sprint team. Staff roles name an active colleague and a department (theirs
 * unless another is chosen); users and external stakeholders are named, externals with their kind.
 * An external member gets an invitation link, returned once: only its hash is kept.
 */
export async function addMember(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  sprintId: string,
  raw: unknown,
): Promise<{ memberId: string; invitationToken: string | null }> {
  authorize(actor, sprintRules.manage);
  const { sprint } = await loadSprint(db, actor, initiativeId, sprintId);
  const input = parseInput(MemberInput, raw);
  const errors: FieldError[] = [];
  let name = input.name ?? '';
  let departmentId: string | null = null;
  let staffId: string | null = null;
  if (isStaffRole(input.role)) {
    const team = await listTeam(db, actor);
    const colleague = team.members.find((m) => m.id === input.staffId && m.status === 'active');
    if (!colleague) errors.push({ field: 'staffId', code: input.staffId ? 'unknownId' : 'required' });
    if (input.departmentId && !team.departments.some((d) => d.id === input.departmentId))
      errors.push({ field: 'departmentId', code: 'unknownId' });
    name = colleague?.name ?? '';
    staffId = colleague?.id ?? null;
    departmentId = input.departmentId ?? colleague?.departmentId ?? null;
  } else {
    if (name === '') errors.push({ field: 'name', code: 'required' });
    if (input.role === 'external' && !input.externalKind)
      errors.push({ field: 'externalKind', code: 'required' });
  }
  if (errors.length > 0) throw invalid(errors);
  const token = input.role === 'external' ? newSecretToken('sp_') : null;
  const now = nowIso();
  const memberId = await insertMember(
    db,
    actor.organizationId,
    sprint.id,
    {
      name,
      role: input.role,
      external_kind: input.role === 'external' ? (input.externalKind ?? null) : null,
      staff_id: staffId,
      participant_id: null,
      department_id: departmentId,
      invitation_hash: token ? hashToken(token) : null,
      joined_at: null,
    },
    now,
  );
  await logActivity(
    db,
    actor.organizationId,
    sprint.id,
    { who: actor.name, action: 'memberAdded', subject: name },
    now,
  );
  return { memberId, invitationToken: token };
}
