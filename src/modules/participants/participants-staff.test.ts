import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { api, FormClient } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import {
  buildDemographics,
  joinAsParticipant,
  type BuiltDemographics,
} from '../../../test/support/participant-factory.js';
import {
  buildApiToken,
  buildOrganization,
  buildStaff,
  signIn,
  type BuiltStaff,
} from '../../../test/support/staff-factory.js';
import type { Role } from '../../platform/actor.js';
import type { Organization } from '../organizations/get-organization.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { PARTICIPANT_COOKIE } from './participant-cookie.js';
import type { InitiativeParticipantView, ParticipantDetailView } from './participant-view.js';

describe.each(engines)('participants for staff on %s', (engine) => {
  let t: TestApp;
  let org: Organization;
  let other: Organization;
  let initiative: Initiative;
  let demo: BuiltDemographics;
  const staff = {} as Record<Role, BuiltStaff & { token: string }>;
  let participantId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await buildOrganization(t.db);
    other = await buildOrganization(t.db);
    for (const role of ['admin', 'facilitator', 'analyst', 'frontline'] as const) {
      const member = await buildStaff(t.db, { organizationId: org.id, role });
      staff[role] = { ...member, token: await buildApiToken(t.db, member.email) };
    }
    initiative = await buildInitiative(t.db, org.id, { open: true, staffId: staff.facilitator.id });
    demo = await buildDemographics(t.db, org.id);
    const client = await joinAsParticipant(t.app, org.slug, initiative.slug, {
      email: 'private@example.org',
    });
    participantId = (client.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0] ?? '';
    await client.get(`/o/${org.slug}/me/demographics`);
    await client.post(`/o/${org.slug}/me/demographics`, {
      [`answers.${demo.ageBand.id}`]: demo.ageBand.categories.under_30,
    });
  });
  afterAll(async () => t.close());

  const page = () => `/staff/initiatives/${initiative.id}/participants`;

  it('lists participants with consent version and demographics; email only for admin and facilitator', async () => {
    for (const role of ['admin', 'facilitator'] as const) {
      const client = await signIn(t.app, staff[role].email, staff[role].password);
      const res = await client.get(page());
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('private@example.org');
      expect(res.body).toContain('Version 1');
      expect(res.body).toContain('Age band: Under 30');
    }
    for (const role of ['analyst', 'frontline'] as const) {
      const client = await signIn(t.app, staff[role].email, staff[role].password);
      const res = await client.get(page());
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/Participant [A-Z2-9]{4}/);
      expect(res.body).toContain('Age band: Under 30');
      expect(res.body).not.toContain('private@example.org');
      expect(res.body).toContain('Your role sees pseudonymous data only.');
    }
    const analyst = await api(
      t.app,
      staff.analyst.token,
      'GET',
      `/api/v1/initiatives/${initiative.id}/participants`,
    );
    expect(analyst.statusCode).toBe(200);
    expect(analyst.body).not.toContain('private@example.org');
    const facilitator = await api(
      t.app,
      staff.facilitator.token,
      'GET',
      `/api/v1/initiatives/${initiative.id}/participants`,
    );
    const list = facilitator.json<{ participants: InitiativeParticipantView[] }>().participants;
    expect(list[0]).toMatchObject({
      id: participantId,
      contact: { email: 'private@example.org', followUp: false },
      membership: { consentVersion: 1, channel: 'web', initiativeId: initiative.id },
      demographics: [{ attribute: 'age_band', category: 'under_30', preferNotToSay: false }],
    });
  });

  it('lets front-line staff register someone at the desk with consent, channel staff', async () => {
    const client = await signIn(t.app, staff.frontline.email, staff.frontline.password);
    const form = await client.get(page());
    expect(form.body).toContain('Register a participant');
    const refused = await client.post(page(), { email: 'desk@example.org' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('You need to agree before you can take part');

    const res = await client.post(page(), {
      consent: 'true',
      email: 'desk@example.org',
      locale: 'da',
      accessibilityNeeds: 'Needs an interpreter',
      [`demographics.${demo.district.id}`]: 'prefer_not_to_say',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('notice=registered');
    const row = await t.db
      .selectFrom('participants')
      .selectAll()
      .where('email', '=', 'desk@example.org')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      organization_id: org.id,
      locale: 'da',
      accessibility_needs: 'Needs an interpreter',
    });
    const membership = await t.db
      .selectFrom('initiative_participants')
      .selectAll()
      .where('participant_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ channel: 'staff', consent_text_id: initiative.consent?.id });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'participant.registered')
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(audit.staff_id).toBe(staff.frontline.id);
    // Front-line staff registered the email but, like analysts, do not read it back.
    const after = await client.get(`${page()}?notice=registered`);
    expect(after.body).toContain('The participant was registered.');
    expect(after.body).not.toContain('desk@example.org');
  });

  it('keeps analysts from registering participants', async () => {
    const client = await signIn(t.app, staff.analyst.email, staff.analyst.password);
    const res = await client.post(page(), { consent: 'true' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Not allowed');
    const viaApi = await api(
      t.app,
      staff.analyst.token,
      'POST',
      `/api/v1/initiatives/${initiative.id}/participants`,
      {
        consent: true,
      },
    );
    expect(viaApi.statusCode).toBe(403);
    expect(viaApi.headers['content-type']).toContain('application/problem+json');
  });

  it('registers through the API and answers with problem details', async () => {
    const created = await api(
      t.app,
      staff.frontline.token,
      'POST',
      `/api/v1/initiatives/${initiative.id}/participants`,
      {
        consent: true,
        email: 'api@example.org',
        demographics: { [demo.ageBand.id]: demo.ageBand.categories['60_plus'] },
      },
    );
    expect(created.statusCode).toBe(201);
    const body = created.json<InitiativeParticipantView>();
    expect(body.membership).toMatchObject({ channel: 'staff', consentVersion: 1 });
    expect(body.contact).toBeUndefined();
    expect(body.demographics).toEqual([
      expect.objectContaining({ attribute: 'age_band', category: '60_plus' }),
    ]);

    const invalid = await api(
      t.app,
      staff.facilitator.token,
      'POST',
      `/api/v1/initiatives/${initiative.id}/participants`,
      {
        consent: false,
        accessibilityNeeds: 'x'.repeat(1001),
      },
    );
    expect(invalid.statusCode).toBe(422);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.json()).toMatchObject({
      type: expect.stringContaining('validation-failed') as unknown,
      title: expect.any(String) as unknown,
      status: 422,
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'accessibilityNeeds', code: 'tooLong' })],
    });
    const noConsent = await api(
      t.app,
      staff.facilitator.token,
      'POST',
      `/api/v1/initiatives/${initiative.id}/participants`,
      {
        consent: false,
      },
    );
    expect(noConsent.json()).toMatchObject({
      status: 422,
      errors: [{ field: 'consent', code: 'mustConsent' }],
    });
    const unknownCategory = await api(
      t.app,
      staff.facilitator.token,
      'POST',
      `/api/v1/initiatives/${initiative.id}/participants`,
      { consent: true, demographics: { [demo.ageBand.id]: 'nope' } },
    );
    expect(unknownCategory.json()).toMatchObject({
      status: 422,
      errors: [{ field: `demographics.${demo.ageBand.id}`, code: 'unknownId' }],
    });

    const anonymous = await api(t.app, undefined, 'GET', `/api/v1/participants/${participantId}`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('shows one participant by id and hides other organizations behind 404', async () => {
    const mine = await api(t.app, staff.admin.token, 'GET', `/api/v1/participants/${participantId}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json<ParticipantDetailView>()).toMatchObject({
      id: participantId,
      contact: { email: 'private@example.org' },
      memberships: [{ initiativeId: initiative.id, consentVersion: 1 }],
    });
    const analystView = await api(t.app, staff.analyst.token, 'GET', `/api/v1/participants/${participantId}`);
    expect(analystView.json<ParticipantDetailView>().contact).toBeUndefined();

    const outsider = await buildStaff(t.db, { organizationId: other.id, role: 'admin' });
    const token = await buildApiToken(t.db, outsider.email);
    const foreign = await api(t.app, token, 'GET', `/api/v1/participants/${participantId}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ status: 404, code: 'not_found' });
    const foreignList = await api(t.app, token, 'GET', `/api/v1/initiatives/${initiative.id}/participants`);
    expect(foreignList.statusCode).toBe(404);
    const foreignRegister = await api(
      t.app,
      token,
      'POST',
      `/api/v1/initiatives/${initiative.id}/participants`,
      {
        consent: true,
      },
    );
    expect(foreignRegister.statusCode).toBe(404);
  });

  it('documents the API in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    expect(doc.paths['/api/v1/initiatives/{id}/participants']?.get?.tags).toEqual(['participants']);
    expect(doc.paths['/api/v1/initiatives/{id}/participants']?.post?.tags).toEqual(['participants']);
    expect(doc.paths['/api/v1/participants/{id}']?.get?.tags).toEqual(['participants']);
  });

  it('lets only admins define demographic attributes and categories', async () => {
    const facilitator = await signIn(t.app, staff.facilitator.email, staff.facilitator.password);
    const refused = await facilitator.get('/staff/demographics');
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Not allowed');
    expect(
      (await facilitator.post('/staff/demographics', { key: 'x', labelEn: 'X', labelDa: 'X' })).statusCode,
    ).toBe(403);

    const admin = await signIn(t.app, staff.admin.email, staff.admin.password);
    const list = await admin.get('/staff/demographics');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('age_band');
    const bad = await admin.post('/staff/demographics', { key: 'Bad Key', labelEn: 'Housing', labelDa: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Use lowercase letters, digits and underscores');
    const taken = await admin.post('/staff/demographics', {
      key: 'age_band',
      labelEn: 'Age',
      labelDa: 'Alder',
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('This is already in use');

    const res = await admin.post('/staff/demographics', {
      key: 'housing',
      labelEn: 'Housing',
      labelDa: 'Bolig',
    });
    expect(res.statusCode).toBe(303);
    const attributePage = res.headers.location ?? '';
    expect(attributePage).toMatch(/^\/staff\/demographics\/[0-9a-f-]+\?notice=attributeDefined$/);
    const attributeId = attributePage.split('/')[3]?.split('?')[0] ?? '';
    await admin.get(attributePage);
    const category = await admin.post(`/staff/demographics/${attributeId}/categories`, {
      key: 'renting',
      labelEn: 'Renting',
      labelDa: 'Lejer',
    });
    expect(category.statusCode).toBe(303);
    const second = await admin.post(`/staff/demographics/${attributeId}/categories`, {
      key: 'owning',
      labelEn: 'Owning',
      labelDa: 'Ejer',
    });
    expect(second.statusCode).toBe(303);
    const categories = await t.db
      .selectFrom('demographic_categories')
      .select(['key', 'position'])
      .where('attribute_id', '=', attributeId)
      .orderBy('position')
      .execute();
    expect(categories.map((c) => c.key)).toEqual(['renting', 'owning']);
    const attribute = await t.db
      .selectFrom('demographic_attributes')
      .select('position')
      .where('id', '=', attributeId)
      .executeTakeFirstOrThrow();
    expect(Number(attribute.position)).toBe(3);

    // Participants now see it, with "prefer not to say".
    const participant = new FormClient(t.app);
    await joinAsParticipant(t.app, org.slug, initiative.slug, {}, participant);
    const form = await participant.get(`/o/${org.slug}/me/demographics`);
    expect(form.body).toContain('<legend>Housing</legend>');
    expect(form.body).toContain('Renting');

    const outsider = await buildStaff(t.db, { organizationId: other.id, role: 'admin' });
    const foreignAdmin = await signIn(t.app, outsider.email, outsider.password);
    expect((await foreignAdmin.get(`/staff/demographics/${attributeId}`)).statusCode).toBe(404);
  });
});
