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
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }),
    engine: 'sqlite',
  };
}

const STATEMENT_CACHE = 500;

/**
 * Kysely prepares every query afresh, and preparing cost as much as running a small insert (a
 * tenth of a survey submission's CPU). Kysely compiles the same SQL text for the same query shape,
 * so prepared statements are kept by their text (the most recent STATEMENT_CACHE). A statement still
 * busy (a streamed query being iterated) is never handed out twice: that query gets a fresh one.
 */
function withStatementCache(database: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SQLite.Statement {
      const cached = statements.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = database.prepare(sql);
      if (!cached) {
        if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Runs a trivial query; throws when the database cannot answer. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
