import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, engines, type TestDatabase } from '../../test/support/databases.js';
import { isUniqueViolation } from './db-errors.js';

async function errorOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the statement to fail');
}

describe.each(engines)('isUniqueViolation on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    await sql`CREATE TABLE race_probe (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER NOT NULL)`.execute(
      t.db,
    );
    await sql`INSERT INTO race_probe (id, name, n) VALUES ('a', 'first', 1)`.execute(t.db);
  });
  afterAll(async () => t.close());

  it('recognises a second row with the same unique value', async () => {
    const error = await errorOf(() =>
      sql`INSERT INTO race_probe (id, name, n) VALUES ('b', 'first', 2)`.execute(t.db),
    );
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('recognises a second row with the same primary key', async () => {
    const error = await errorOf(() =>
      sql`INSERT INTO race_probe (id, name, n) VALUES ('a', 'other', 2)`.execute(t.db),
    );
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('leaves other constraint failures and other errors alone', async () => {
    const notNull = await errorOf(() =>
      sql`INSERT INTO race_probe (id, name, n) VALUES ('c', 'third', NULL)`.execute(t.db),
    );
    expect(isUniqueViolation(notNull)).toBe(false);
    const syntax = await errorOf(() => sql`SELECT FROM WHERE`.execute(t.db));
    expect(isUniqueViolation(syntax)).toBe(false);
    expect(isUniqueViolation(new Error('x'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
