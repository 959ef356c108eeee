import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { FormClient, api } from '../../../test/support/http-client.js';
import { completePlan } from '../../../test/support/initiative-factory.js';
import { createOrganization } from '../organizations/create-organization.js';
import { createSession, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { createApiToken } from '../../platform/auth/api-tokens.js';
import { newId, nowIso } from '../../platform/clock.js';
import type { Role } from '../../platform/actor.js';

async function staffMember(t: TestApp, organizationId: string, role: Role) {
  const id = newId();
  await t.db
    .insertInto('staff')
    .values({
      id,
      organization_id: organizationId,
      email: `${role}-${id}@test.example`,
      name: `A ${role}`,
      role,
      department_id: null,
      password_hash: null,
      locale: 'en',
      status: 'active',
      created_at: nowIso(),
    })
    .execute();
  const client = new FormClient(t.app);
  client.cookies.set(SESSION_COOKIE, await createSession(t.db, { id, organizationId }, 1));
  const token = await createApiToken(t.db, { id, organizationId }, 'test');
  return { id, client, token };
}

function planForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const plan = completePlan();
  return {
    title: String(plan.title),
    summary: String(plan.summary),
    purpose: String(plan.purpose),
    objectives: (plan.objectives as string[]).join('\n'),
    targetGroup: String(plan.targetGroup),
    formOfInvolvement: 'practice_developers',
    influenceLevel: 'involve',
    visibility: 'public',
    feedbackPlan: String(plan.feedbackPlan),
    consentText: String(plan.consentText),
    phase_name_0: 'Listening',
    phase_start_0: '2026-01-01',
    phase_end_0: '2026-02-01',
    ...overrides,
  };
}

describe.each(engines)('initiatives on %s', (engine) => {
  let t: TestApp;
  let org: { id: string; slug: string };
  let other: { id: string; slug: string };
  let facilitator: Awaited<ReturnType<typeof staffMember>>;
  let analyst: Awaited<ReturnType<typeof staffMember>>;
  let outsider: Awaited<ReturnType<typeof staffMember>>;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await createOrganization(t.db, { slug: 'aarhus', name: 'Aarhus Kommune' });
    other = await createOrganization(t.db, { slug: 'odense', name: 'Odense Kommune' });
    facilitator = await staffMember(t, org.id, 'facilitator');
    analyst = await staffMember(t, org.id, 'analyst');
    outsider = await staffMember(t, other.id, 'admin');
  });
  afterAll(async () => t.close());

  const count = async () =>
    Number(
      (await t.db.selectFrom('initiatives').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    );

  it('shows the form again with messages beside the fields and writes nothing on bad input', async () => {
    const before = await count();
    await facilitator.client.get('/staff/initiatives/new');
    const res = await facilitator.client.post(
      '/staff/initiatives',
      planForm({
        title: '',
        formOfInvolvement: 'spectators',
        summary: 'x'.repeat(501),
        phase_start_0: '2026-03-01',
        phase_end_0: '2026-02-01',
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="error-summary"');
    expect(res.body).toMatch(/id="f-title-error"[^>]*>Enter a value/);
    expect(res.body).toMatch(/id="f-summary-error"[^>]*>Must be at most 500 characters/);
    expect(res.body).toContain('id="f-formOfInvolvement"');
    expect(res.body).toMatch(/id="f-phase_end_0-error"[^>]*>The end date must be on or after the start date/);
    expect(await count()).toBe(before);
  });

  it('creates a draft, blocks opening until the checklist is complete, then opens it', async () => {
    await facilitator.client.get('/staff/initiatives/new');
    const created = await facilitator.client.post(
      '/staff/initiatives',
      planForm({ feedbackPlan: '', consentText: '' }),
    );
    expect(created.statusCode).toBe(303);
    const url = String(created.headers.location).split('?')[0]!;
    const page = await facilitator.client.get(url);
    expect(page.body).toContain(
      'The initiative cannot open yet. Missing: Consent text, Plan for telling participants what happened.',
    );

    const refused = await facilitator.client.post(`${url}/open`);
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('Complete the planning checklist before opening the initiative');
    const id = url.split('/').pop()!;
    expect(
      (await t.db.selectFrom('initiatives').select('status').where('id', '=', id).executeTakeFirstOrThrow())
        .status,
    ).toBe('draft');

    await facilitator.client.get(`${url}/edit`);
    const saved = await facilitator.client.post(url, planForm());
    expect(saved.statusCode).toBe(303);
    const opened = await facilitator.client.post(`${url}/open`);
    expect(opened.statusCode).toBe(303);
    const row = await t.db
      .selectFrom('initiatives')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('open');

    const publicPage = await new FormClient(t.app).get(`/o/aarhus`);
    expect(publicPage.body).toContain('Better waiting rooms');
    const initiativePage = await new FormClient(t.app).get(`/o/aarhus/i/${row.slug}`);
    expect(initiativePage.statusCode).toBe(200);
    expect(initiativePage.body).toContain('Learn what makes waiting hard');
    expect(initiativePage.body).toContain(`/o/aarhus/i/${row.slug}/join`);
    expect(initiativePage.body).toContain('Idea board');
    // Another organization's public page does not show it.
    expect((await new FormClient(t.app).get(`/o/odense/i/${row.slug}`)).statusCode).toBe(404);
  });

  it('versions the consent text when it changes', async () => {
    const res = await api(
      t.app,
      facilitator.token,
      'POST',
      '/api/v1/initiatives',
      completePlan({ title: 'Consent versions' }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    const patched = await api(t.app, facilitator.token, 'PATCH', `/api/v1/initiatives/${id}`, {
      consentText: 'A clearer text.',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      consent: { version: 2, body: 'A clearer text.' },
      title: 'Consent versions',
    });
    const versions = await t.db
      .selectFrom('consent_texts')
      .select('version')
      .where('initiative_id', '=', id)
      .execute();
    expect(versions.map((v) => Number(v.version)).sort()).toEqual([1, 2]);
  });

  it('serves the API with problem details and role checks', async () => {
    const bad = await api(t.app, facilitator.token, 'POST', '/api/v1/initiatives', {
      title: 42,
      formOfInvolvement: 'x',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json()).toMatchObject({ status: 422, code: 'validation_failed' });
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['title', 'formOfInvolvement']),
    );

    expect((await api(t.app, undefined, 'GET', '/api/v1/initiatives')).statusCode).toBe(401);
    expect((await api(t.app, 'er_not-a-token', 'GET', '/api/v1/initiatives')).statusCode).toBe(401);
    expect((await api(t.app, analyst.token, 'POST', '/api/v1/initiatives', completePlan())).statusCode).toBe(
      403,
    );
    const list = await api(t.app, analyst.token, 'GET', '/api/v1/initiatives');
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(ids.length).toBeGreaterThan(0);

    // Another organization sees none of them, and their ids are simply not found.
    const theirs = await api(t.app, outsider.token, 'GET', '/api/v1/initiatives');
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
    expect((await api(t.app, outsider.token, 'GET', `/api/v1/initiatives/${ids[0]}`)).statusCode).toBe(404);
    expect(
      (await api(t.app, outsider.token, 'POST', `/api/v1/initiatives/${ids[0]}/archive`)).statusCode,
    ).toBe(404);
    expect((await outsider.client.get(`/staff/initiatives/${ids[0]}`)).statusCode).toBe(404);
  });

  it('follows the status rules: open needs the checklist, archive needs closing first', async () => {
    const created = (
      await api(
        t.app,
        facilitator.token,
        'POST',
        '/api/v1/initiatives',
        completePlan({ title: 'Status rules', purpose: '' }),
      )
    ).json<{ id: string; missingChecklistItems: string[] }>();
    expect(created.missingChecklistItems).toEqual(['purpose']);
    const refused = await api(t.app, facilitator.token, 'POST', `/api/v1/initiatives/${created.id}/open`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'checklist_incomplete' });
    await api(t.app, facilitator.token, 'PATCH', `/api/v1/initiatives/${created.id}`, {
      purpose: 'Now we know why.',
    });
    expect(
      (await api(t.app, facilitator.token, 'POST', `/api/v1/initiatives/${created.id}/open`)).statusCode,
    ).toBe(200);
    expect(
      (await api(t.app, facilitator.token, 'POST', `/api/v1/initiatives/${created.id}/archive`)).json(),
    ).toMatchObject({ code: 'invalid_transition' });
    expect(
      (await api(t.app, facilitator.token, 'POST', `/api/v1/initiatives/${created.id}/close`)).statusCode,
    ).toBe(200);
    const archived = await api(t.app, facilitator.token, 'POST', `/api/v1/initiatives/${created.id}/archive`);
    expect(archived.json()).toMatchObject({ status: 'archived' });
    expect(
      (await api(t.app, facilitator.token, 'PATCH', `/api/v1/initiatives/${created.id}`, { title: 'Nope' }))
        .statusCode,
    ).toBe(409);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', created.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'initiative.create',
        'initiative.open',
        'initiative.close',
        'initiative.archive',
      ]),
    );
  });

  it('rejects a stale CSRF token and writes nothing', async () => {
    const before = await count();
    await facilitator.client.get('/staff/initiatives/new');
    const res = await facilitator.client.post('/staff/initiatives', { ...planForm(), _csrf: 'stale' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('The form expired');
    expect(await count()).toBe(before);
  });

  it('lets analysts read but not manage, and sends signed-out visitors to sign in', async () => {
    expect((await analyst.client.get('/staff/initiatives')).statusCode).toBe(200);
    expect((await analyst.client.get('/staff/initiatives/new')).statusCode).toBe(403);
    const anonymous = await new FormClient(t.app).get('/staff/initiatives');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/signin?next=%2Fstaff%2Finitiatives');
  });

  it('lists the organization on the start page and renders the dashboard in Danish', async () => {
    expect((await new FormClient(t.app).get('/')).body).toContain('Aarhus Kommune');
    const danish = new FormClient(t.app, { 'accept-language': 'da' });
    danish.cookies.set(SESSION_COOKIE, facilitator.client.cookies.get(SESSION_COOKIE)!);
    const res = await danish.get('/staff');
    expect(res.body).toContain('<html lang="da">');
    expect(res.body).toContain('Initiativer efter status');
  });
});
