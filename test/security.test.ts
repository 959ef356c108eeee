import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { engines } from './support/databases.js';
import { FormClient } from './support/http-client.js';
import { buildInitiative } from './support/initiative-factory.js';
import { buildOrganization } from './support/staff-factory.js';

describe.each(engines)('security defaults on %s', (engine) => {
  let t: TestApp;
  let join: string;
  beforeAll(async () => {
    t = await createTestApp(engine, {
      RATE_LIMIT_PER_MINUTE: '3',
      PUBLIC_URL: 'https://engine-room.example',
      TRUST_PROXY: 'true',
    });
    const org = await buildOrganization(t.db);
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    join = `/o/${org.slug}/i/${initiative.slug}/join`;
  });
  afterAll(async () => t.close());

  it('sends strict security headers on pages', async () => {
    const res = await new FormClient(t.app).get('/');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(res.body).not.toMatch(/\sstyle="/);
  });

  it('marks cookies Secure, HttpOnly and SameSite behind https', async () => {
    const client = new FormClient(t.app);
    const page = await client.get(join);
    const csrfCookie = page.cookies.find((c) => c.name === 'er_csrf');
    expect(csrfCookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    const joined = await client.post(join, { consent: 'true' });
    expect(joined.statusCode).toBe(303);
    const participant = joined.cookies.find((c) => c.name === 'er_participant');
    expect(participant).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });

  it('rate-limits public forms per client with a clear page', async () => {
    const client = new FormClient(t.app, { 'x-forwarded-for': '203.0.113.9' });
    await client.get(join);
    const statuses: number[] = [];
    for (let n = 0; n < 5; n++) statuses.push((await client.post(join, { consent: 'true' })).statusCode);
    expect(statuses.slice(0, 3).every((s) => s < 400)).toBe(true);
    const limited = await client.post(join, { consent: 'true' });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many attempts');
    // Another client is not affected.
    const other = new FormClient(t.app, { 'x-forwarded-for': '203.0.113.10' });
    await other.get(join);
    expect((await other.post(join, { consent: 'true' })).statusCode).toBe(303);
  });
});
