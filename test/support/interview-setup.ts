// Shared by the interviews test files: one organization with a staff member of every role, a
// second organization with an admin, an open initiative in each, and a participant who joined
// through the form (current consent). Each test file sets up its own app and database.

import type { Engine } from '../../src/db/connect.js';
import { createTestApp, type TestApp } from './app.js';
import type { FormClient } from './http-client.js';
import { buildInitiative } from './initiative-factory.js';
import { joinAsParticipant } from './participant-factory.js';
import { buildApiToken, buildOrganization, buildStaff, signIn, type BuiltStaff } from './staff-factory.js';
import type { Role } from '../../src/platform/actor.js';
import type { Initiative } from '../../src/modules/initiatives/initiatives.table.js';
import type { Organization } from '../../src/modules/organizations/get-organization.js';
import { PARTICIPANT_COOKIE } from '../../src/modules/participants/participant-cookie.js';

/** A staff member with an API token and a signed-in browser session. */
export type Staff = BuiltStaff & { token: string; client: FormClient };

export interface InterviewsSetup {
  t: TestApp;
  org: Organization;
  initiative: Initiative;
  otherInitiative: Initiative;
  staff: Record<Role, Staff>;
  otherAdmin: Staff;
  /** A participant who joined through the form (current consent). */
  consentingId: string;
  /** The staff pages of the initiative's interviews. */
  base: () => string;
  /** The API collection of an initiative's interviews (by default the main initiative). */
  apiBase: (i?: Initiative) => string;
  /** How many rows a table holds. */
  count: (table: 'interviews' | 'interview_pieces') => Promise<number>;
}

/** The participant id behind a participant's browser session. */
export const idOf = (client: FormClient): string =>
  (client.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0] ?? '';

/** Starts an app on the engine and builds the organizations, staff, initiatives and participant. */
export async function setUpInterviews(engine: Engine): Promise<InterviewsSetup> {
  const t = await createTestApp(engine);
  const org = await buildOrganization(t.db);
  const other = await buildOrganization(t.db);
  const staff = {} as Record<Role, Staff>;
  for (const role of ['admin', 'facilitator', 'analyst', 'frontline'] as const) {
    const member = await buildStaff(t.db, { organizationId: org.id, role, name: `Staff ${role}` });
    staff[role] = {
      ...member,
      token: await buildApiToken(t.db, member.email),
      client: await signIn(t.app, member.email, member.password),
    };
  }
  const otherMember = await buildStaff(t.db, { organizationId: other.id, role: 'admin' });
  const otherAdmin = {
    ...otherMember,
    token: await buildApiToken(t.db, otherMember.email),
    client: await signIn(t.app, otherMember.email, otherMember.password),
  };
  const initiative = await buildInitiative(t.db, org.id, { open: true, staffId: staff.facilitator.id });
  const otherInitiative = await buildInitiative(t.db, other.id, { open: true, staffId: otherMember.id });
  const consenting = await joinAsParticipant(t.app, org.slug, initiative.slug, { email: 'ann@example.org' });
  return {
    t,
    org,
    initiative,
    otherInitiative,
    staff,
    otherAdmin,
    consentingId: idOf(consenting),
    base: () => `/staff/initiatives/${initiative.id}/interviews`,
    apiBase: (i: Initiative = initiative) => `/api/v1/initiatives/${i.id}/interviews`,
    count: async (table) =>
      Number((await t.db.selectFrom(table).select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  };
}
