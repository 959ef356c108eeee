import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { hashPassword } from '../../platform/password.js';
import { parseInput } from '../../platform/validation.js';
import {
  EmailSchema,
  IdSchema,
  LocaleSchema,
  NameSchema,
  PasswordSchema,
  RoleSchema,
  departmentOf,
  emailTaken,
  normalizeEmail,
  withPasswordRules,
} from './staff-input.js';
import { emailExists, findStaffMember, insertStaff, type StaffMember } from './staff.repository.js';

/** Input for a staff member created directly with a password (seed, CLI, tests). */
export const CreateStaffInput = Type.Object({
  organizationId: IdSchema,
  email: EmailSchema,
  name: NameSchema,
  role: RoleSchema,
  password: PasswordSchema,
  departmentId: Type.Optional(IdSchema),
  locale: Type.Optional(LocaleSchema),
});

/**
 * Creates an active staff member with a password. People normally join by invitation; this is
 * for bootstrapping an organization (seed, CLI) where nobody could send one. Email taken → `email_taken`.
 */
export async function createStaff(db: Db, raw: unknown): Promise<StaffMember> {
  const password = (raw as { password?: unknown } | null)?.password;
  const input = withPasswordRules(() => parseInput(CreateStaffInput, raw), password);
  // Hash before the first query: the caller's transaction should not wait on scrypt longer than needed.
  const passwordHash = await hashPassword(input.password);
  const email = normalizeEmail(input.email);
  if (await emailExists(db, email)) throw emailTaken();
  const departmentId = await departmentOf(db, input.organizationId, input.departmentId);
  const id = await insertStaff(db, {
    organizationId: input.organizationId,
    email,
    name: input.name,
    role: input.role,
    departmentId,
    passwordHash,
    locale: input.locale ?? 'en',
  });
  const member = await findStaffMember(db, input.organizationId, id);
  if (!member) throw new Error('staff member vanished after insert');
  return member;
}
