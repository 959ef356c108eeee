import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { buildOrganization, buildStaff, signIn } from '../../../test/support/staff-factory.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';

describe.each(engines)('staff invitations on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  async function adminClient(headers: Record<string, string> = {}) {
    const org = await buildOrganization(t.db, { name: 'Aarhus Clinic' });
    const admin = await buildStaff(t.db, { organizationId: org.id, role: 'admin', name: 'Ada Admin' });
    const client = await signIn(t.app, admin.email, admin.password);
    if (headers['accept-language']) {
      await client.get('/lang/da');
    }
    await client.get('/staff/team');
    return { org, admin, client };
  }

  const outboxOf = (organizationId: string) =>
    t.db.selectFrom('mail_outbox').selectAll().where('organization_id', '=', organizationId).execute();
  const invitationsOf = (organizationId: string) =>
    t.db.selectFrom('staff_invitations').selectAll().where('organization_id', '=', organizationId).execute();
  const linkIn = (text: string) => /http:\/\/localhost:3000\/invitations\/(\S+)/.exec(text)?.[1] ?? '';

  it('runs end to end: invite, mail in the outbox, accept with a password, sign in', async () => {
    const { org, client } = await adminClient();
    const res = await client.post('/staff/team/invitations', {
      email: 'New.Person@Test.example',
      name: 'Nina New',
      role: 'facilitator',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/team?notice=invited');

    const [mail] = await outboxOf(org.id);
    expect(mail).toMatchObject({ to_address: 'new.person@test.example', status: 'pending' });
    expect(mail?.subject).toContain('Aarhus Clinic');
    const token = linkIn(mail?.text_body ?? '');
    expect(token).not.toBe('');
    const [invitation] = await invitationsOf(org.id);
    expect(invitation?.token_hash).not.toBe(token);
    expect(Date.parse(invitation?.expires_at ?? '') - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);

    const outbox = await client.get('/staff/outbox');
    expect(outbox.statusCode).toBe(200);
    expect(outbox.body).toContain('new.person@test.example');
    expect(outbox.body).toContain(`<a href="http://localhost:3000/invitations/${token}">`);

    const team = await client.get('/staff/team?notice=invited');
    expect(team.body).toContain('The invitation is on its way.');
    expect(team.body).toContain('Nina New');

    const guest = new FormClient(t.app);
    const page = await guest.get(`/invitations/${token}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Join Aarhus Clinic');
    expect(page.body).toContain('value="Nina New"');
    const accepted = await guest.post(`/invitations/${token}`, {
      name: 'Nina Newman',
      password: 'a long enough password',
      passwordConfirm: 'a long enough password',
    });
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/staff/team?notice=welcome');
    expect(guest.cookies.has(SESSION_COOKIE)).toBe(true);
    const welcome = await guest.get('/staff/team?notice=welcome');
    expect(welcome.statusCode).toBe(200);
    expect(welcome.body).toContain('Welcome!');

    const joined = await t.db
      .selectFrom('staff')
      .selectAll()
      .where('email', '=', 'new.person@test.example')
      .executeTakeFirstOrThrow();
    expect(joined).toMatchObject({ organization_id: org.id, role: 'facilitator', name: 'Nina Newman' });
    const again = await signIn(t.app, 'new.person@test.example', 'a long enough password');
    expect((await again.get('/staff/team')).statusCode).toBe(200);

    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('organization_id', '=', org.id)
      .orderBy('created_at')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['staff.invite', 'staff.join']);

    const used = await new FormClient(t.app).get(`/invitations/${token}`);
    expect(used.statusCode).toBe(410);
    expect(used.body).toContain('Invitation not valid');
  });

  it('writes the mail in the language of the inviting request', async () => {
    const { org, client } = await adminClient({ 'accept-language': 'da' });
    const res = await client.post('/staff/team/invitations', {
      email: 'dansk@test.example',
      name: 'Dorte',
      role: 'analyst',
    });
    expect(res.statusCode).toBe(303);
    const [mail] = await outboxOf(org.id);
    expect(mail?.text_body).toContain('Hej Dorte');
    expect(mail?.text_body).toContain('Analytiker');
  });

  it('refuses a short or mismatched password with 422 and writes nothing', async () => {
    const { org, client } = await adminClient();
    await client.post('/staff/team/invitations', { email: 'short@test.example', name: 'S', role: 'analyst' });
    const token = linkIn((await outboxOf(org.id))[0]?.text_body ?? '');
    const guest = new FormClient(t.app);
    await guest.get(`/invitations/${token}`);
    const res = await guest.post(`/invitations/${token}`, {
      name: 'S',
      password: 'short',
      passwordConfirm: 'different',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Use at least 12 characters');
    expect(res.body).toContain('The passwords do not match');
    expect(res.body).not.toContain('value="short"');
    const staff = await t.db
      .selectFrom('staff')
      .select('id')
      .where('email', '=', 'short@test.example')
      .execute();
    expect(staff).toHaveLength(0);
    expect((await invitationsOf(org.id))[0]?.accepted_at).toBeNull();
  });

  it('answers an expired or unknown invitation with 410', async () => {
    const { org, client } = await adminClient();
    await client.post('/staff/team/invitations', { email: 'late@test.example', name: 'L', role: 'analyst' });
    const token = linkIn((await outboxOf(org.id))[0]?.text_body ?? '');
    await t.db
      .updateTable('staff_invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('organization_id', '=', org.id)
      .execute();
    const guest = new FormClient(t.app);
    expect((await guest.get(`/invitations/${token}`)).statusCode).toBe(410);
    await guest.get('/signin');
    const post = await guest.post(`/invitations/${token}`, {
      name: 'L',
      password: 'a long enough password',
      passwordConfirm: 'a long enough password',
    });
    expect(post.statusCode).toBe(410);
    expect((await guest.get('/invitations/not-a-real-token')).statusCode).toBe(410);
  });

  it('does not let a non-admin invite (403) or read the outbox', async () => {
    const org = await buildOrganization(t.db);
    const facilitator = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
    const client = await signIn(t.app, facilitator.email, facilitator.password);
    const team = await client.get('/staff/team');
    expect(team.statusCode).toBe(200);
    expect(team.body).not.toContain('action="/staff/team/invitations"');
    const res = await client.post('/staff/team/invitations', {
      email: 'x@test.example',
      name: 'X',
      role: 'admin',
    });
    expect(res.statusCode).toBe(403);
    expect(await invitationsOf(org.id)).toHaveLength(0);
    expect((await client.get('/staff/outbox')).statusCode).toBe(403);
    expect((await client.get('/staff/audit')).statusCode).toBe(403);
  });

  it('shows taken emails and overlong input beside the fields and writes nothing', async () => {
    const { org, admin, client } = await adminClient();
    const taken = await client.post('/staff/team/invitations', {
      email: admin.email,
      name: 'Me',
      role: 'admin',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('Someone already has an account with this email address');
    const long = await client.post('/staff/team/invitations', {
      email: 'long@test.example',
      name: 'N'.repeat(201),
      role: 'analyst',
    });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('id="error-summary"');
    expect(long.body).toContain('Must be at most 200 characters');
    const badRole = await client.post('/staff/team/invitations', {
      email: 'role@test.example',
      name: 'R',
      role: 'owner',
    });
    expect(badRole.statusCode).toBe(422);
    expect(await invitationsOf(org.id)).toHaveLength(0);
    expect(await outboxOf(org.id)).toHaveLength(0);
  });
});
