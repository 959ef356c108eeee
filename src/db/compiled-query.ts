import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { Db } from './database.js';

// Kysely builds and compiles every query afresh: for a small insert that costs about as much as
// SQLite needs to run it. A hot query of fixed shape is therefore compiled once per dialect and run
// again with new parameters. The first compile checks that the parameters the caller lists are
// exactly the ones Kysely put into the SQL, in that order, so a query and its parameter list cannot
// drift apart unnoticed.

const compiled = new Map<string, string>();

function sameParameters(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * Runs the query `build` describes, compiled once per dialect under `key`. `parameters` must be the
 * values `build` uses, in the order they appear in the SQL (checked on the first compile; a mismatch
 * throws). `build` must give the same SQL for any values: no optional parts, no lists of varying length.
 */
export async function executeCompiled<R = unknown>(
  db: Db,
  key: string,
  build: (db: Db) => Compilable,
  parameters: readonly unknown[],
): Promise<QueryResult<R>> {
  const cacheKey = `${db.getExecutor().adapter.constructor.name}\u0000${key}`;
  let text = compiled.get(cacheKey);
  if (text === undefined) {
    const query = build(db).compile();
    if (!sameParameters(query.parameters, parameters))
      throw new Error(`compiled query ${key}: the parameters given are not the query's, in its order`);
    text = query.sql;
    compiled.set(cacheKey, text);
  }
  return db.executeQuery<R>(CompiledQuery.raw(text, [...parameters]));
}
