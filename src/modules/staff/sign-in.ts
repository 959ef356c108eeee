import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { createSession } from '../../platform/auth/sessions.js';
import { invalid } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/password.js';
import { parseInput } from '../../platform/validation.js';
import { normalizeEmail } from './staff-input.js';
import { findCredentialsByEmail } from './staff.repository.js';

/** Sign-in form input; the email is not format-checked so every failure reads the same. */
export const SignInInput = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1000 }),
});

/** A started session: the cookie's token and who it belongs to. */
export interface SignedIn {
  token: string;
  staffId: string;
  organizationId: string;
}

/**
 * Checks an email and password and starts a session. Unknown email, wrong password and disabled
 * account all give the same `wrongCredentials` error after the same scrypt work, so neither the
 * message nor the timing tells whether an account exists. Writes nothing on failure.
 */
export async function signIn(db: Db, raw: unknown, sessionHours: number): Promise<SignedIn> {
  const input = parseInput(SignInInput, raw);
  const row = await findCredentialsByEmail(db, normalizeEmail(input.email));
  const matches = await verifyPassword(input.password, row?.password_hash ?? null);
  if (!row || !matches || row.status !== 'active') {
    throw invalid([{ field: 'email', code: 'wrongCredentials' }]);
  }
  const token = await createSession(db, { id: row.id, organizationId: row.organization_id }, sessionHours);
  return { token, staffId: row.id, organizationId: row.organization_id };
}
