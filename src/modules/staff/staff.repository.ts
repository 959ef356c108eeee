import type { Db } from '../../db/database.js';
import type { Role } from '../../platform/actor.js';
import { newId, nowIso } from '../../platform/clock.js';

// The only place the staff capability's SQL lives. Every query is scoped by organization, except
// the look-ups by globally unique values (email at sign-in, token hashes).

/** A staff member's account status: disabled members cannot sign in and their sessions stop working. */
export type StaffStatus = 'active' | 'disabled';

/** A staff member as the rest of the platform sees it (never with the password hash). */
export interface StaffMember {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  locale: string;
  status: StaffStatus;
  createdAt: string;
}

/** A department of an organization (e.g. a clinic or a service area). */
export interface Department {
  id: string;
  organizationId: string;
  name: string;
  createdAt: string;
}

/** An invitation to join an organization's staff, as stored (only the token's hash is kept). */
export interface Invitation {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  invitedBy: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  createdAt: string;
}

/** One personal API token, without its secret. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const staffColumns = [
  'staff.id',
  'staff.organization_id',
  'staff.email',
  'staff.name',
  'staff.role',
  'staff.department_id',
  'staff.locale',
  'staff.status',
  'staff.created_at',
  'departments.name as department_name',
] as const;

function toStaffMember(row: {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  department_id: string | null;
  locale: string;
  status: string;
  created_at: string;
  department_name: string | null;
}): StaffMember {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    departmentId: row.department_id,
    departmentName: row.department_name,
    locale: row.locale,
    status: row.status as StaffStatus,
    createdAt: row.created_at,
  };
}

const invitationColumns = [
  'id',
  'organization_id',
  'email',
  'name',
  'role',
  'department_id',
  'invited_by',
  'expires_at',
  'accepted_at',
  'created_at',
] as const;

function toInvitation(row: {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  department_id: string | null;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  created_at: string;
}): Invitation {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    departmentId: row.department_id,
    invitedBy: row.invited_by,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    createdAt: row.created_at,
  };
}

/** What sign-in needs to check credentials; email is unique across organizations. */
export async function findCredentialsByEmail(db: Db, email: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'organization_id', 'password_hash', 'status'])
    .where('email', '=', email)
    .executeTakeFirst();
}

/** Whether any staff member anywhere has this email (it is unique across organizations). */
export async function emailExists(db: Db, email: string): Promise<boolean> {
  const row = await db.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst();
  return !!row;
}

/** The active staff member with this email, in whichever organization (for the CLI's token command). */
export async function findActiveStaffByEmail(db: Db, email: string): Promise<StaffMember | undefined> {
  const row = await db
    .selectFrom('staff')
    .leftJoin('departments', 'departments.id', 'staff.department_id')
    .select(staffColumns)
    .where('staff.email', '=', email)
    .where('staff.status', '=', 'active')
    .executeTakeFirst();
  return row ? toStaffMember(row) : undefined;
}

/** Stores a new staff member. */
export async function insertStaff(
  db: Db,
  input: {
    organizationId: string;
    email: string;
    name: string;
    role: Role;
    departmentId: string | null;
    passwordHash: string;
    locale: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('staff')
    .values({
      id,
      organization_id: input.organizationId,
      email: input.email,
      name: input.name,
      role: input.role,
      department_id: input.departmentId,
      password_hash: input.passwordHash,
      locale: input.locale,
      status: 'active',
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** One staff member of an organization. */
export async function findStaffMember(
  db: Db,
  organizationId: string,
  id: string,
): Promise<StaffMember | undefined> {
  const row = await db
    .selectFrom('staff')
    .leftJoin('departments', 'departments.id', 'staff.department_id')
    .select(staffColumns)
    .where('staff.organization_id', '=', organizationId)
    .where('staff.id', '=', id)
    .executeTakeFirst();
  return row ? toStaffMember(row) : undefined;
}

/** Every staff member of an organization, by name. */
export async function listStaff(db: Db, organizationId: string): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('staff')
    .leftJoin('departments', 'departments.id', 'staff.department_id')
    .select(staffColumns)
    .where('staff.organization_id', '=', organizationId)
    .orderBy('staff.name')
    .orderBy('staff.id')
    .execute();
  return rows.map(toStaffMember);
}

/** Changes a staff member's role, department and status. */
export async function updateStaff(
  db: Db,
  organizationId: string,
  id: string,
  changes: { role: Role; departmentId: string | null; status: StaffStatus },
): Promise<void> {
  await db
    .updateTable('staff')
    .set({ role: changes.role, department_id: changes.departmentId, status: changes.status })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/**
 * Counts the active admins other than `exceptId`. It first rewrites those rows unchanged: on
 * PostgreSQL that takes their row locks, so two admins demoting each other at once are serialized
 * and the second sees the first's result instead of both passing the check.
 */
export async function countOtherActiveAdmins(
  db: Db,
  organizationId: string,
  exceptId: string,
): Promise<number> {
  await db
    .updateTable('staff')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .execute();
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .where('id', '<>', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every department of an organization, by name. */
export async function listDepartments(db: Db, organizationId: string): Promise<Department[]> {
  const rows = await db
    .selectFrom('departments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    createdAt: r.created_at,
  }));
}

/** One department of an organization. */
export async function findDepartment(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Department | undefined> {
  const r = await db
    .selectFrom('departments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r
    ? { id: r.id, organizationId: r.organization_id, name: r.name, createdAt: r.created_at }
    : undefined;
}

/** Whether another department of the organization already has this name. */
export async function departmentNameTaken(
  db: Db,
  organizationId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom('departments')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('name', '=', name);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return !!(await query.executeTakeFirst());
}

/** Stores a new department. */
export async function insertDepartment(db: Db, organizationId: string, name: string): Promise<Department> {
  const department = { id: newId(), organizationId, name, createdAt: nowIso() };
  await db
    .insertInto('departments')
    .values({ id: department.id, organization_id: organizationId, name, created_at: department.createdAt })
    .execute();
  return department;
}

/** Renames a department. */
export async function updateDepartmentName(
  db: Db,
  organizationId: string,
  id: string,
  name: string,
): Promise<void> {
  await db
    .updateTable('departments')
    .set({ name })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Stores an invitation with the hash of its token. */
export async function insertInvitation(
  db: Db,
  input: Omit<Invitation, 'id' | 'acceptedAt' | 'createdAt'> & { tokenHash: string },
): Promise<Invitation> {
  const invitation: Invitation = { ...input, id: newId(), acceptedAt: null, createdAt: nowIso() };
  await db
    .insertInto('staff_invitations')
    .values({
      id: invitation.id,
      organization_id: input.organizationId,
      email: input.email,
      name: input.name,
      role: input.role,
      department_id: input.departmentId,
      token_hash: input.tokenHash,
      invited_by: input.invitedBy,
      expires_at: input.expiresAt,
      accepted_at: null,
      created_at: invitation.createdAt,
    })
    .execute();
  return invitation;
}

/** An invitation by the hash of its token (the hash is unique, and the token is the only key a guest has). */
export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<Invitation | undefined> {
  const row = await db
    .selectFrom('staff_invitations')
    .select(invitationColumns)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** Marks an invitation used; false when someone else used it first. */
export async function markInvitationAccepted(db: Db, organizationId: string, id: string): Promise<boolean> {
  const result = await db
    .updateTable('staff_invitations')
    .set({ accepted_at: nowIso() })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The organization's invitations that are neither used nor expired, newest first. */
export async function listOpenInvitations(
  db: Db,
  organizationId: string,
  now: string,
): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('staff_invitations')
    .select(invitationColumns)
    .where('organization_id', '=', organizationId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toInvitation);
}

/** A staff member's own API tokens, newest first. */
export async function listApiTokens(
  db: Db,
  organizationId: string,
  staffId: string,
): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('organization_id', '=', organizationId)
    .where('staff_id', '=', staffId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  }));
}
