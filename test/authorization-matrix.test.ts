import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../src/platform/actor.js';
import { createTestApp, type TestApp } from './support/app.js';
import { engines } from './support/databases.js';
import { api, FormClient } from './support/http-client.js';
import { buildOrgFixture, type OrgFixture } from './support/matrix-fixtures.js';
import { routeCases, type CellRequest } from './authorization-matrix.cases.js';

type Method = 'GET' | 'POST' | 'PATCH';

function split(key: string): { method: Method; url: string } {
  const [method, url] = key.split(' ') as [Method, string];
  return { method, url };
}

const ok = (res: LightMyRequestResponse) => res.statusCode >= 200 && res.statusCode < 400;

describe.each(engines)('authorization matrix on %s', (engine) => {
  let t: TestApp;
  let alpha: OrgFixture;
  let bravo: OrgFixture;
  const registered = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp(
      engine,
      {},
      {
        onRoute: ({ method, url }) => {
          for (const m of [method].flat()) if (m !== 'HEAD') registered.add(`${m} ${url}`);
        },
      },
    );
    alpha = await buildOrgFixture(t, 'Alpha');
    bravo = await buildOrgFixture(t, 'Bravo');
  }, 120_000);
  afterAll(async () => t.close());

  async function send(
    method: Method,
    req: CellRequest,
    who: { client?: FormClient; token?: string },
  ): Promise<LightMyRequestResponse> {
    if (req.path.startsWith('/api/v1/')) return api(t.app, who.token, method, req.path, req.json);
    const client = who.client ?? new FormClient(t.app);
    if (method === 'GET') return client.get(req.path);
    if (!client.csrf) await client.get('/signin');
    return client.post(req.path, req.form ?? {});
  }

  it('covers every registered route, and nothing else', () => {
    expect([...registered].sort()).toEqual(Object.keys(routeCases).sort());
  });

  const staffCases = Object.entries(routeCases).filter(([, c]) => Array.isArray(c.audience));
  it.each(staffCases)(
    '%s: allowed roles work, other roles get 403, other organizations get nothing',
    async (key, routeCase) => {
      const { method, url } = split(key);
      const rule = routeCase.audience as readonly string[];
      const failures: string[] = [];
      for (const role of roles) {
        const own = await send(method, await routeCase.request(t, alpha), alpha.staff[role]);
        const expectOwn = rule.includes(role) ? 'ok' : 403;
        if (expectOwn === 'ok' ? !ok(own) : own.statusCode !== 403)
          failures.push(`${role} of the same organization: ${own.statusCode} ${own.body.slice(0, 200)}`);

        const other = await send(method, await routeCase.request(t, alpha), bravo.staff[role]);
        if (url.includes(':id')) {
          if (other.statusCode !== 403 && other.statusCode !== 404)
            failures.push(`${role} of another organization: ${other.statusCode}`);
        } else if (rule.includes(role)) {
          if (!ok(other) || other.body.includes('Alpha'))
            failures.push(`${role} of another organization saw ${other.statusCode} or Alpha's data`);
        } else if (other.statusCode !== 403) {
          failures.push(`${role} of another organization: ${other.statusCode}, expected 403`);
        }
      }
      const anonymous = await send(method, await routeCase.request(t, alpha), {});
      if (url.startsWith('/api/')) {
        if (anonymous.statusCode !== 401) failures.push(`anonymous: ${anonymous.statusCode}, expected 401`);
      } else if (anonymous.statusCode !== 303 || !String(anonymous.headers.location).startsWith('/signin')) {
        failures.push(
          `anonymous: ${anonymous.statusCode} to ${String(anonymous.headers.location)}, expected a redirect to sign in`,
        );
      }
      expect(failures).toEqual([]);
    },
  );

  const participantCases = Object.entries(routeCases).filter(([, c]) => c.audience === 'participant');
  it.each(participantCases)(
    '%s: works for the participant, and tells another organization’s participant nothing',
    async (key, routeCase) => {
      const { method } = split(key);
      const req = await routeCase.request(t, alpha);
      const own = await send(method, req, { client: req.participant ?? alpha.participant });
      expect(ok(own), `${own.statusCode} ${own.body.slice(0, 300)}`).toBe(true);

      // Bravo's participant holds only Bravo's cookie: at Alpha, they are nobody.
      const stranger = await send(method, await routeCase.request(t, alpha), { client: bravo.participant });
      expect(stranger.statusCode).toBeLessThan(500);
      expect(stranger.body).not.toContain('alpha@example.org');
      if (method === 'GET' && key.endsWith('data.json')) expect(stranger.statusCode).toBe(404);
    },
  );

  const publicCases = Object.entries(routeCases).filter(([, c]) => c.audience === 'anyone');
  it.each(publicCases)('%s: works for anyone', async (key, routeCase) => {
    const { method } = split(key);
    const res = await send(method, await routeCase.request(t, alpha), {});
    expect(ok(res), `${res.statusCode} ${res.body.slice(0, 300)}`).toBe(true);
  });

  const formPosts = Object.keys(routeCases).filter(
    (k) => k.startsWith('POST /') && !k.startsWith('POST /api/'),
  );
  it.each(formPosts)('%s refuses a missing CSRF token', async (key) => {
    const routeCase = routeCases[key]!;
    const req = await routeCase.request(t, alpha);
    const client =
      req.participant ??
      (routeCase.audience === 'participant'
        ? alpha.participant
        : Array.isArray(routeCase.audience)
          ? alpha.staff.admin.client
          : new FormClient(t.app));
    const res = await client.post(req.path, { ...(req.form ?? {}), _csrf: '' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('The form expired');
  });
});
