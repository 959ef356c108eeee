import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app.js';
import { engines } from './support/databases.js';
import { api, FormClient } from './support/http-client.js';
import { buildOrgFixture, type OrgFixture } from './support/matrix-fixtures.js';
import { routeCases } from './authorization-matrix.cases.js';

const hostileValues: unknown[] = [
  'x'.repeat(20_000),
  '',
  '<script>alert(1)</script>',
  ['a', 'b'],
  '\u0000\uFFFF',
  '../../etc/passwd',
];
const hostileJson: unknown[] = [
  ...hostileValues,
  42,
  -1.5,
  true,
  null,
  { nested: { deep: [1, 2, 3] } },
  'x'.repeat(300),
];
const hostileIds = [
  '00000000-0000-4000-8000-000000000000',
  'not-an-id',
  'x'.repeat(500),
  '%00',
  "1' OR '1'='1",
];

async function counts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [
    'initiatives',
    'participants',
    'staff',
    'departments',
    'demographic_attributes',
    'consent_texts',
    'interviews',
    'interview_pieces',
    'conversations',
    'conversation_statements',
    'conversation_votes',
  ] as const) {
    out[table] = Number(
      (await t.db.selectFrom(table).select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    );
  }
  return out;
}

describe.each(engines)('hostile input on every route on %s', (engine) => {
  let t: TestApp;
  let alpha: OrgFixture;
  beforeAll(async () => {
    t = await createTestApp(engine);
    alpha = await buildOrgFixture(t, 'Alpha');
  }, 120_000);
  afterAll(async () => t.close());

  function clientFor(audience: unknown, participant: FormClient | undefined): FormClient {
    if (participant) return participant;
    if (audience === 'participant') return alpha.participant;
    return Array.isArray(audience) ? alpha.staff.admin.client : new FormClient(t.app);
  }

  const bodied = Object.entries(routeCases).filter(([key]) => !key.startsWith('GET '));
  it.each(bodied)('%s answers every bad field with a 4xx, never a 500', async (key, routeCase) => {
    const [method] = key.split(' ') as ['POST' | 'PATCH'];
    const failures: string[] = [];
    const req = await routeCase.request(t, alpha);
    const client = clientFor(routeCase.audience, req.participant);
    if (!client.csrf) await client.get('/signin');
    const fields = Object.keys(req.form ?? (req.json as Record<string, unknown> | undefined) ?? {});
    for (const field of fields.length > 0 ? fields : ['unexpected']) {
      for (const value of req.path.startsWith('/api/') ? hostileJson : hostileValues) {
        let res: LightMyRequestResponse;
        if (req.path.startsWith('/api/')) {
          res = await api(t.app, alpha.staff.admin.token, method, req.path, {
            ...(req.json as object),
            [field]: value,
          });
        } else {
          res = await client.post(req.path, { ...(req.form ?? {}), [field]: value as string | string[] });
        }
        if (res.statusCode >= 500)
          failures.push(`${field}=${JSON.stringify(value).slice(0, 40)}: ${res.statusCode}`);
        if (
          req.path.startsWith('/api/') &&
          res.statusCode >= 400 &&
          !String(res.headers['content-type']).includes('application/problem+json')
        ) {
          failures.push(`${field}: ${res.statusCode} without problem details`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  const withIds = Object.entries(routeCases).filter(
    ([key]) =>
      key.includes('/:id') || key.includes(':token') || key.includes(':slug') || key.includes(':org'),
  );
  it.each(withIds)('%s answers unknown and malformed ids with a 4xx', async (key, routeCase) => {
    const [method, url] = key.split(' ') as ['GET' | 'POST' | 'PATCH', string];
    const req = await routeCase.request(t, alpha);
    const failures: string[] = [];
    for (const id of hostileIds) {
      // Replace each dynamic segment of the real path with the hostile id, one at a time.
      const template = url.split('/');
      const real = req.path.split('?')[0]!.split('/');
      for (let i = 0; i < template.length; i++) {
        if (!template[i]?.startsWith(':') || template[i] === ':action' || template[i] === ':lang') continue;
        const path = real.map((part, j) => (j === i ? encodeURIComponent(id) : part)).join('/');
        const res = path.startsWith('/api/')
          ? await api(
              t.app,
              alpha.staff.admin.token,
              method,
              path,
              method === 'GET' ? undefined : (req.json ?? {}),
            )
          : method === 'GET'
            ? await alpha.staff.admin.client.get(path)
            : await clientFor(routeCase.audience, req.participant).post(path, req.form ?? {});
        if (res.statusCode >= 500 || res.statusCode < 400)
          failures.push(`${path.slice(0, 80)}: ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers malformed JSON, a wrong media type and an oversized body with problem details', async () => {
    const before = await counts(t);
    const headers = { authorization: `Bearer ${alpha.staff.admin.token}` };
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/initiatives',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"title": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/initiatives',
      headers: { ...headers, 'content-type': 'text/csv' },
      payload: 'a,b',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.headers['content-type']).toContain('application/problem+json');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/initiatives',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'x'.repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(await counts(t)).toEqual(before);
  });
});
