import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './database.js';

/** Which engine a database handle talks to. */
export type Engine = 'sqlite' | 'postgres';

/** A connected database with its engine. */
export interface Connection {
  db: Kysely<Database>;
  engine: Engine;
}

/** Where to connect: a PostgreSQL URL or a SQLite file path. */
export interface ConnectOptions {
  databaseUrl?: string | undefined;
  sqlitePath: string;
}

/** Opens SQLite (WAL, foreign keys, busy timeout) or PostgreSQL, as the options say. */
export function connect(options: ConnectOptions): Connection {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' };
  }
  mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const database = new SQLite(options.sqlitePath);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), engine: 'sqlite' };
}

/** Runs a trivial query; throws when the database cannot answer. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
