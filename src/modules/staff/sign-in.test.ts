import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { buildOrganization, buildStaff, signIn } from '../../../test/support/staff-factory.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { safeNext } from './staff.routes.js';

describe('safeNext', () => {
  it.each([
    ['/staff/team', '/staff/team'],
    ['/staff?x=1', '/staff?x=1'],
    ['//evil.example', '/staff'],
    ['/\\evil.example', '/staff'],
    ['/\t/evil.example', '/staff'],
    ['https://evil.example', '/staff'],
    [undefined, '/staff'],
  ])('%j → %j', (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});

describe.each(engines)('sign-in and sign-out on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const sessions = async () =>
    Number(
      (
        await t.db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function member(role: 'admin' | 'analyst' = 'analyst') {
    const org = await buildOrganization(t.db);
    return buildStaff(t.db, { organizationId: org.id, role });
  }

  it('shows a labelled sign-in form in English and Danish', async () => {
    const en = await t.app.inject({ method: 'GET', url: '/signin' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<label for="f-email">Email address</label>');
    expect(en.body).toContain('name="_csrf"');
    const da = await t.app.inject({ method: 'GET', url: '/signin', headers: { 'accept-language': 'da' } });
    expect(da.body).toContain('<h1>Log ind</h1>');
    expect(da.body).toContain('Adgangskode');
  });

  it('signs in, sets a strict session cookie and goes to a same-site next page', async () => {
    const staff = await member();
    const client = new FormClient(t.app);
    const res = await client.submit('/signin?next=/staff/team', '/signin', {
      email: staff.email.toUpperCase(),
      password: staff.password,
      next: '/staff/team',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff/team');
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const team = await client.get('/staff/team');
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain(staff.email);
  });

  it('refuses an open redirect after sign-in', async () => {
    const staff = await member();
    const client = new FormClient(t.app);
    const res = await client.submit('/signin', '/signin', {
      email: staff.email,
      password: staff.password,
      next: '//evil.example/x',
    });
    expect(res.headers.location).toBe('/staff');
  });

  it('answers a wrong password or unknown email with the same 422 form and writes nothing', async () => {
    const staff = await member();
    const before = await sessions();
    for (const [email, password] of [
      [staff.email, 'not the right password'],
      ['nobody@test.example', staff.password],
    ] as const) {
      const client = new FormClient(t.app);
      const res = await client.submit('/signin', '/signin', { email, password });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('id="error-summary"');
      expect(res.body).toContain('The email or password is not correct');
      expect(res.body).toContain('aria-invalid="true"');
      expect(res.body).not.toContain(password);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    }
    expect(await sessions()).toBe(before);
  });

  it('does not let a disabled staff member sign in', async () => {
    const staff = await member();
    await t.db.updateTable('staff').set({ status: 'disabled' }).where('id', '=', staff.id).execute();
    const res = await new FormClient(t.app).submit('/signin', '/signin', {
      email: staff.email,
      password: staff.password,
    });
    expect(res.statusCode).toBe(422);
  });

  it('refuses overlong input with 422 and writes nothing', async () => {
    const before = await sessions();
    const res = await new FormClient(t.app).submit('/signin', '/signin', {
      email: `${'a'.repeat(300)}@test.example`,
      password: 'x',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Must be at most 254 characters');
    expect(await sessions()).toBe(before);
  });

  it('refuses a stale or missing CSRF token with a 403 page and writes nothing', async () => {
    const staff = await member();
    const before = await sessions();
    const client = new FormClient(t.app);
    await client.get('/signin');
    const stale = await client.post('/signin', {
      _csrf: 'stale',
      email: staff.email,
      password: staff.password,
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain('The form expired');
    const missing = await new FormClient(t.app).post('/signin', {
      email: staff.email,
      password: staff.password,
    });
    expect(missing.statusCode).toBe(403);
    expect(await sessions()).toBe(before);
  });

  it('signs out: the session row is gone and the old cookie no longer works', async () => {
    const staff = await member();
    const client = await signIn(t.app, staff.email, staff.password);
    const oldCookie = `${SESSION_COOKIE}=${client.cookies.get(SESSION_COOKIE)}`;
    const before = await sessions();
    const out = await client.post('/signout');
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/signin?notice=signedOut');
    expect(client.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await sessions()).toBe(before - 1);
    const replay = await t.app.inject({ method: 'GET', url: '/staff/team', headers: { cookie: oldCookie } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/signin?next=%2Fstaff%2Fteam');
    const notice = await client.get('/signin?notice=signedOut');
    expect(notice.body).toContain('You are signed out.');
  });

  it('sends a signed-out visitor of a staff page to sign in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/staff/team' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/signin?next=%2Fstaff%2Fteam');
  });
});

describe.each(engines)('sign-in limits and secure cookies on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { RATE_LIMIT_PER_MINUTE: '3', SECURE_COOKIES: 'true' });
  });
  afterAll(async () => t.close());

  it('marks the session cookie Secure when configured', async () => {
    const org = await buildOrganization(t.db);
    const staff = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const res = await new FormClient(t.app).submit('/signin', '/signin', {
      email: staff.email,
      password: staff.password,
    });
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
  });

  it('rate-limits sign-in attempts', async () => {
    const client = new FormClient(t.app);
    await client.get('/signin');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await client.post('/signin', { email: 'x@test.example', password: 'wrong' })).statusCode,
      );
    }
    expect(statuses).toContain(429);
  });
});
