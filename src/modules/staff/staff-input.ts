import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { roles } from '../../platform/actor.js';
import { AppError, invalid, type FieldError } from '../../platform/errors.js';
import { findDepartment } from './staff.repository.js';

// Input pieces shared by the staff use cases, so a name or an email means the same everywhere.

/** Shortest password accepted: length beats complexity rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;

/** An email address; stored lower-case so uniqueness does not depend on capitalisation. */
export const EmailSchema = Type.String({ format: 'email', maxLength: 254 });
/** A person's or a department's name. */
export const NameSchema = Type.String({ minLength: 1, maxLength: 200 });
/** A password as typed; its length rule is checked separately to give a specific message. */
export const PasswordSchema = Type.String({ maxLength: 1000 });
/** An id from a form or URL. */
export const IdSchema = Type.String({ minLength: 1, maxLength: 64 });
/** One of the staff roles. */
export const RoleSchema = Type.Union(roles.map((r) => Type.Literal(r)));
/** A supported language. */
export const LocaleSchema = Type.Union([Type.Literal('en'), Type.Literal('da')]);

/** The form of an email address that is stored and compared. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The field errors of a new password and its confirmation (length, and that both match). */
export function newPasswordErrors(password: unknown, confirm?: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (typeof password === 'string' && password.trim().length < MIN_PASSWORD_LENGTH) {
    errors.push({ field: 'password', code: 'passwordTooShort', params: { min: MIN_PASSWORD_LENGTH } });
  }
  const typedConfirm = typeof confirm === 'string' ? confirm.trim() : '';
  if (confirm !== undefined && typeof password === 'string' && password.trim() !== typedConfirm) {
    errors.push({ field: 'passwordConfirm', code: 'passwordsDiffer' });
  }

  return errors;
}

/**
 * Runs a schema parse and adds the password rules, so a person sees every problem of the form at
 * once rather than one round trip per rule.
 */
export function withPasswordRules<T>(parse: () => T, password: unknown, confirm?: unknown): T {
  const extra = newPasswordErrors(password, confirm);
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      const fields = [...error.fields];
      for (const e of extra) if (!fields.some((f) => f.field === e.field)) fields.push(e);
      throw invalid(fields);
    }
    throw error;
  }
  if (extra.length > 0) throw invalid(extra);
  return parsed;
}

/** The department id if it belongs to the organization; a field error otherwise (never another tenant's). */
export async function departmentOf(
  db: Db,
  organizationId: string,
  departmentId: string | undefined,
): Promise<string | null> {
  if (!departmentId) return null;
  const department = await findDepartment(db, organizationId, departmentId);
  if (!department) throw invalid([{ field: 'departmentId', code: 'unknownId' }]);
  return department.id;
}

/** The error for an email address that already has an account. */
export function emailTaken(): AppError {
  return new AppError('email_taken', { fields: [{ field: 'email', code: 'emailTaken' }] });
}
