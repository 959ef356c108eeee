import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { createSession } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import { hashPassword } from '../../platform/password.js';
import { parseInput } from '../../platform/validation.js';
import { getOpenInvitation } from './get-invitation.js';
import { NameSchema, PasswordSchema, emailTaken, withPasswordRules } from './staff-input.js';
import { emailExists, insertStaff, markInvitationAccepted } from './staff.repository.js';

/** What the invited person fills in: the name they go by and a password typed twice. */
export const AcceptInvitationInput = Type.Object({
  name: NameSchema,
  password: PasswordSchema,
  passwordConfirm: PasswordSchema,
});

/** The new staff member and the token of their first session. */
export interface Accepted {
  staffId: string;
  organizationId: string;
  sessionToken: string;
}

/**
 * Accepts an invitation: creates the staff member with the invited role and department, marks the
 * invitation used (only once, even when two tabs submit together) and starts a session.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  raw: unknown,
  options: { locale: Locale; sessionHours: number },
): Promise<Accepted> {
  const { invitation } = await getOpenInvitation(db, token);
  const body = raw as { password?: unknown; passwordConfirm?: unknown } | null;
  const input = withPasswordRules(
    () => parseInput(AcceptInvitationInput, raw),
    body?.password,
    body?.passwordConfirm ?? '',
  );
  const passwordHash = await hashPassword(input.password);
  if (!(await markInvitationAccepted(db, invitation.organizationId, invitation.id))) {
    throw new AppError('invitation_invalid');
  }
  if (await emailExists(db, invitation.email)) throw emailTaken();
  const staffId = await insertStaff(db, {
    organizationId: invitation.organizationId,
    email: invitation.email,
    name: input.name,
    role: invitation.role,
    departmentId: invitation.departmentId,
    passwordHash,
    locale: options.locale,
  });
  await recordAudit(db, {
    organizationId: invitation.organizationId,
    staffId,
    action: 'staff.join',
    subjectType: 'staff',
    subjectId: staffId,
    details: { invitationId: invitation.id, role: invitation.role },
  });
  const sessionToken = await createSession(
    db,
    { id: staffId, organizationId: invitation.organizationId },
    options.sessionHours,
  );
  return { staffId, organizationId: invitation.organizationId, sessionToken };
}
