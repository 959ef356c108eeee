import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/databases.js';
import type { AppDeps } from '../deps.js';
import { createI18n } from '../i18n.js';
import { errorHandling } from './error-handler.js';

// The platform's error handler on a bare Fastify app, so the failures below come from the real
// database and reach the handler exactly as a use case's would.
describe.each(engines)('error handling of database failures on %s', (engine) => {
  let t: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await sql`CREATE TABLE handler_probe (id TEXT PRIMARY KEY, n INTEGER NOT NULL)`.execute(t.db);
    app = Fastify({ logger: false });
    app.decorate('deps', { i18n: createI18n() } as unknown as AppDeps);
    await app.register(errorHandling);
    const insert = (id: string, n: number | null) =>
      t.db
        .transaction()
        .execute((trx) => sql`INSERT INTO handler_probe (id, n) VALUES (${id}, ${n})`.execute(trx));
    app.post('/api/v1/probe/:id', async (req) => {
      await insert((req.params as { id: string }).id, 1);
      return { ok: true };
    });
    app.post('/api/v1/broken', async () => {
      await insert('null-n', null);
      return { ok: true };
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
  });

  it('answers a write refused by a unique index (two requests racing) with a 409 conflict', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/v1/probe/same' })).statusCode).toBe(200);
    const second = await app.inject({ method: 'POST', url: '/api/v1/probe/same' });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json()).toMatchObject({ status: 409, code: 'conflict', title: 'Conflict' });
    // Nothing half-written: still the one row.
    const rows = await sql<{ n: number }>`SELECT count(*) AS n FROM handler_probe`.execute(t.db);
    expect(Number(rows.rows[0]!.n)).toBe(1);
  });

  it('keeps other database failures internal errors without leaking them', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/broken' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal' });
    expect(res.body).not.toMatch(/NOT NULL|null value/i);
  });
});
