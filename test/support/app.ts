import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Engine } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { createI18n } from '../../src/platform/i18n.js';
import { createTestDatabase } from './databases.js';

/** The app under test on a fresh database of one engine. */
export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  config: Config;
  engine: Engine;
  close(): Promise<void>;
}

/** Builds the real app (real HTTP stack via inject, real database) for one engine. */
export async function createTestApp(
  engine: Engine,
  env: Record<string, string> = {},
  options: { onRoute?: (route: { method: string | string[]; url: string }) => void } = {},
): Promise<TestApp> {
  const tdb = await createTestDatabase(engine);
  const config = loadConfig({
    SESSION_SECRET: 'test-secret-that-is-long-enough-for-cookies-0123456789',
    SQLITE_PATH: tdb.location.sqlitePath,
    ...(tdb.location.databaseUrl ? { DATABASE_URL: tdb.location.databaseUrl } : {}),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '1000',
    PUBLIC_URL: 'http://localhost:3000',
    ...env,
  });
  const app = await buildApp(
    { config, db: tdb.db, engine, i18n: createI18n() },
    { logger: false, ...options },
  );
  await app.ready();
  return {
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
