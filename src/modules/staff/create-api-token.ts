import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { createApiToken } from '../../platform/auth/api-tokens.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { normalizeEmail } from './staff-input.js';
import { findActiveStaffByEmail } from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** Input of the token form: a name to recognise the token by later. */
export const CreateApiTokenInput = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });

async function issue(db: Db, staff: { id: string; organizationId: string }, name: string): Promise<string> {
  const token = await createApiToken(db, staff, name);
  await recordAudit(db, {
    organizationId: staff.organizationId,
    staffId: staff.id,
    action: 'api_token.create',
    subjectType: 'staff',
    subjectId: staff.id,
    details: { name },
  });
  return token;
}

/** Creates a personal API token for the signed-in staff member; the secret is returned once, never stored. */
export async function createPersonalApiToken(
  db: Db,
  actor: StaffActor | undefined,
  raw: unknown,
): Promise<string> {
  authorize(actor, staffRules.manageOwnTokens);
  const { name } = parseInput(CreateApiTokenInput, raw);
  return issue(db, { id: actor.staffId, organizationId: actor.organizationId }, name);
}

/**
 * Creates an API token for the active staff member with this email (the CLI's
 * `engine-room token create --email`, run by whoever operates the server). `not_found` otherwise.
 */
export async function createApiTokenForEmail(db: Db, email: string, name = 'CLI'): Promise<string> {
  const staff = await findActiveStaffByEmail(db, normalizeEmail(email));
  if (!staff) throw notFound();
  return issue(db, { id: staff.id, organizationId: staff.organizationId }, name);
}
