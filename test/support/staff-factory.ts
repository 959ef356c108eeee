import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { Role } from '../../src/platform/actor.js';
import { createOrganization } from '../../src/modules/organizations/create-organization.js';
import type { Organization } from '../../src/modules/organizations/get-organization.js';
import { createStaff } from '../../src/modules/staff/create-staff.js';
import { createApiTokenForEmail } from '../../src/modules/staff/create-api-token.js';
import type { StaffMember } from '../../src/modules/staff/staff.repository.js';
import { FormClient } from './http-client.js';

/** The password every built staff member gets unless one is given (long enough for the 12-character rule). */
export const DEFAULT_PASSWORD = 'correct horse battery staple';

/** Creates an organization with a unique slug; pass `{ slug, name, defaultLocale }` to override. */
export async function buildOrganization(
  db: Db,
  overrides: { slug?: string; name?: string; defaultLocale?: 'en' | 'da' } = {},
): Promise<Organization> {
  const suffix = randomUUID().slice(0, 8);
  return createOrganization(db, { slug: `org-${suffix}`, name: `Organization ${suffix}`, ...overrides });
}

/** A built staff member and the plain password they sign in with. */
export type BuiltStaff = StaffMember & { password: string };

/**
 * Creates an active staff member through the real use case (so passwords are really hashed).
 * Email defaults to a unique `<role>-<random>@test.example`; password to DEFAULT_PASSWORD.
 */
export async function buildStaff(
  db: Db,
  options: {
    organizationId: string;
    role: Role;
    email?: string;
    name?: string;
    password?: string;
    departmentId?: string;
  },
): Promise<BuiltStaff> {
  const password = options.password ?? DEFAULT_PASSWORD;
  const member = await createStaff(db, {
    organizationId: options.organizationId,
    role: options.role,
    email: options.email ?? `${options.role}-${randomUUID().slice(0, 8)}@test.example`,
    name: options.name ?? `Test ${options.role}`,
    password,
    ...(options.departmentId ? { departmentId: options.departmentId } : {}),
  });
  return { ...member, password };
}

/** The actor a built staff member would be when signed in, for calling use cases directly. */
export { actorOf } from '../../src/modules/staff/actor-of.js';

/** A FormClient signed in through the real /signin form (it holds the session and CSRF cookies). */
export async function signIn(app: FastifyInstance, email: string, password: string): Promise<FormClient> {
  const client = new FormClient(app);
  const res = await client.submit('/signin', '/signin', { email, password });
  if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed with ${res.statusCode}`);
  // The CSRF token from the sign-in page stays valid: its secret lives in its own cookie, not the session.
  return client;
}

/** A personal API token (`er_…`) for the active staff member with this email, for the JSON API. */
export async function buildApiToken(db: Db, email: string): Promise<string> {
  return createApiTokenForEmail(db, email, 'test');
}
