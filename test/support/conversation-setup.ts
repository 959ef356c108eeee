// Shared by the conversations test files: one organization with a staff member of every role, a
// second organization with an admin, an open initiative in each. Each test file sets up its own app.

import type { Engine } from '../../src/db/connect.js';
import type { Role } from '../../src/platform/actor.js';
import type { Initiative } from '../../src/modules/initiatives/initiatives.table.js';
import type { Organization } from '../../src/modules/organizations/get-organization.js';
import { createTestApp, type TestApp } from './app.js';
import { FormClient } from './http-client.js';
import { buildInitiative } from './initiative-factory.js';
import { joinAsParticipant } from './participant-factory.js';
import { buildApiToken, buildOrganization, buildStaff, signIn, type BuiltStaff } from './staff-factory.js';

/** A staff member with an API token and a signed-in browser session. */
export type Staff = BuiltStaff & { token: string; client: FormClient };

export interface ConversationsSetup {
  t: TestApp;
  org: Organization;
  initiative: Initiative;
  staff: Record<Role, Staff>;
  otherAdmin: Staff;
  otherInitiative: Initiative;
  /** A new participant who joined the initiative through the form. */
  participant: () => Promise<FormClient>;
  /** How many rows a table holds. */
  count: (table: 'conversations' | 'conversation_statements' | 'conversation_votes') => Promise<number>;
}

/** Starts an app on the engine and builds the organizations, staff and initiatives. */
export async function setUpConversations(engine: Engine): Promise<ConversationsSetup> {
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
  return {
    t,
    org,
    initiative,
    staff,
    otherAdmin,
    otherInitiative,
    participant: async () => joinAsParticipant(t.app, org.slug, initiative.slug),
    count: async (table) =>
      Number((await t.db.selectFrom(table).select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  };
}
