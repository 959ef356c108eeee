import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Engine } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { createI18n } from '../../src/platform/i18n.js';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, engines } from './databases.js';

/** The real app listening on a real TCP port, on a fresh database of its own. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  baseUrl: string;
  app: FastifyInstance;
  db: Kysely<Database>;
  config: Config;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * Starts the whole app over real HTTP (for a browser to drive) on a fresh, migrated database.
 * SQLite unless `engine` says otherwise; the demo seed is off, so tests seed what they need.
 */
export async function startTestServer(
  engine: Engine = 'sqlite',
  env: Record<string, string> = {},
): Promise<TestServer> {
  const tdb = await createTestDatabase(engine);
  const config = loadConfig({
    SESSION_SECRET: 'browser-test-secret-that-is-long-enough-0123456789',
    SQLITE_PATH: tdb.location.sqlitePath,
    ...(tdb.location.databaseUrl ? { DATABASE_URL: tdb.location.databaseUrl } : {}),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '10000',
    HOST: '127.0.0.1',
    ...env,
  });
  const app = await buildApp({ config, db: tdb.db, engine, i18n: createI18n() }, { logger: false });
  let baseUrl: string;
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the test server has no TCP address');
    baseUrl = `http://127.0.0.1:${address.port}`;
  } catch (error) {
    await app.close();
    await tdb.close();
    throw error;
  }
  // The port is only known after listening; links and mails must point at it.
  config.publicUrl = baseUrl;
  config.port = Number(new URL(baseUrl).port);
  return {
    baseUrl,
    app,
    db: tdb.db,
    config,
    engine,
    async close() {
      await app.close();
      await tdb.close();
    },
  };
}

/**
 * The cells each browser flow runs in: with and without JavaScript on SQLite, and without JavaScript
 * on PostgreSQL. The fourth cell (PostgreSQL with JavaScript) is left out on purpose: scripts only
 * enhance pages whose requests reach the same use cases as the forms, and those use cases and routes
 * are tested on both engines over HTTP. Dropping it keeps the suite inside its time budget.
 */
export const browserMatrix: { engine: Engine; javaScriptEnabled: boolean }[] = [
  { engine: 'sqlite', javaScriptEnabled: true },
  { engine: 'sqlite', javaScriptEnabled: false },
  { engine: 'postgres', javaScriptEnabled: false },
];

/**
 * One real server per engine for the calling test file, started before its tests and closed after.
 * Returns a lookup by engine; call it inside tests or hooks, once the servers are up.
 */
export function useTestServers(env: Record<string, string> = {}): (engine: Engine) => TestServer {
  const started = new Map<Engine, TestServer>();
  beforeAll(async () => {
    for (const engine of engines) started.set(engine, await startTestServer(engine, env));
  });
  afterAll(async () => {
    for (const server of started.values()) await server.close();
  });
  return (engine) => {
    const server = started.get(engine);
    if (!server) throw new Error(`no ${engine} test server is running in this file`);
    return server;
  };
}
