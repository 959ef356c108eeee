import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/platform/actor.js';
import { roles } from '../../src/platform/actor.js';
import type { Initiative } from '../../src/modules/initiatives/initiatives.table.js';
import { createDepartment } from '../../src/modules/staff/create-department.js';
import { inviteStaff } from '../../src/modules/staff/invite-staff.js';
import type { TestApp } from './app.js';
import { FormClient } from './http-client.js';
import { buildInitiative } from './initiative-factory.js';
import { buildDemographics } from './participant-factory.js';
import { joinAsParticipant } from './participant-factory.js';
import {
  actorOf,
  buildApiToken,
  buildOrganization,
  buildStaff,
  signIn,
  type BuiltStaff,
} from './staff-factory.js';
import { registerParticipant } from '../../src/modules/participants/register-participant.js';

/** A signed-in staff member of a fixture organization, with a page session and an API token. */
export interface FixtureStaff {
  member: BuiltStaff;
  client: FormClient;
  token: string;
}

/** Everything one organization of the authorization matrix holds; names carry the org's marker. */
export interface OrgFixture {
  marker: string;
  org: { id: string; slug: string; name: string };
  staff: Record<Role, FixtureStaff>;
  departmentId: string;
  initiative: Initiative;
  attributeId: string;
  /** A participant registered at a desk (for the staff and API routes). */
  participantId: string;
  /** A participant who joined through the form (holds the cookie). */
  participant: FormClient;
}

/** Builds an organization with staff in every role, an open initiative, demographics and participants. */
export async function buildOrgFixture(t: TestApp, marker: string): Promise<OrgFixture> {
  const org = await buildOrganization(t.db, {
    name: `${marker} Kommune`,
    slug: `${marker.toLowerCase()}-${randomUUID().slice(0, 6)}`,
  });
  const staff = {} as Record<Role, FixtureStaff>;
  for (const role of roles) {
    const member = await buildStaff(t.db, { organizationId: org.id, role, name: `${marker} ${role}` });
    staff[role] = {
      member,
      client: await signIn(t.app, member.email, member.password),
      token: await buildApiToken(t.db, member.email),
    };
  }
  const admin = actorOf(staff.admin.member);
  const department = await createDepartment(t.db, admin, { departmentName: `${marker} department` });
  const initiative = await buildInitiative(t.db, org.id, {
    staffId: staff.facilitator.member.id,
    open: true,
    plan: { title: `${marker} secret initiative` },
  });
  const demographics = await buildDemographics(t.db, org.id);
  const registered = await registerParticipant(t.db, admin, initiative.id, {
    consent: true,
    email: `${marker.toLowerCase()}@example.org`,
    followUp: true,
  });
  const participant = await joinAsParticipant(t.app, org.slug, initiative.slug);
  return {
    marker,
    org,
    staff,
    departmentId: department.id,
    initiative,
    attributeId: demographics.ageBand.id,
    participantId: registered.id,
    participant,
  };
}

/** A fresh draft initiative with a complete plan (for cells that change status). */
export async function freshDraft(t: TestApp, f: OrgFixture): Promise<Initiative> {
  return buildInitiative(t.db, f.org.id, {
    staffId: f.staff.facilitator.member.id,
    plan: { title: `${f.marker} draft ${randomUUID().slice(0, 6)}` },
  });
}

/** A fresh front-line colleague (a target for role changes). */
export async function freshColleague(t: TestApp, f: OrgFixture): Promise<BuiltStaff> {
  return buildStaff(t.db, { organizationId: f.org.id, role: 'frontline', name: `${f.marker} colleague` });
}

/** A fresh pending invitation's token. */
export async function freshInvitationToken(t: TestApp, f: OrgFixture): Promise<string> {
  const { link } = await inviteStaff(
    t.db,
    actorOf(f.staff.admin.member),
    { email: `invitee-${randomUUID().slice(0, 8)}@test.example`, name: 'Invitee', role: 'analyst' },
    { publicUrl: t.config.publicUrl, t: t.app.deps.i18n.getFixedT('en') },
  );
  return link.split('/').pop()!;
}

/** A fresh participant who joined through the form. */
export async function freshParticipant(t: TestApp, f: OrgFixture): Promise<FormClient> {
  return joinAsParticipant(t.app, f.org.slug, f.initiative.slug);
}

/** A short unique suffix for names that must not repeat. */
export function unique(): string {
  return randomUUID().slice(0, 8);
}
