import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Kysely } from 'kysely';
import { connect, type Engine } from '../../src/db/connect.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** Every engine each database test runs against. */
export const engines: Engine[] = ['sqlite', 'postgres'];

/** A migrated, empty database of one engine, private to the calling test file. */
export interface TestDatabase {
  engine: Engine;
  db: Kysely<Database>;
  /** For SQLite, the file; for PostgreSQL, the connection URL. */
  location: { sqlitePath: string; databaseUrl?: string };
  close(): Promise<void>;
}

/** Creates a fresh database (a temp SQLite file, or a new database on the test PostgreSQL server). */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'er-test-'));
  const sqlitePath = join(dir, 'test.sqlite');
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const adminUrl = inject('postgresAdminUrl');
    const name = `er_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  const { db } = connect({ databaseUrl, sqlitePath });
  await migrateToLatest(db);
  return {
    engine,
    db,
    location: databaseUrl ? { sqlitePath, databaseUrl } : { sqlitePath },
    async close() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
