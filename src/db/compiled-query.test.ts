import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../test/support/databases.js';
import { executeCompiled } from './compiled-query.js';
import type { Db } from './database.js';

describe.each(engines)('queries compiled once on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    await sql`create table cq_items (id text primary key, label text, n integer not null)`.execute(tdb.db);
  });
  afterAll(async () => tdb.close());

  const insert = (db: Db, id: string, label: string | null, n: number) => {
    const values = { id, label, n };
    return executeCompiled(
      db,
      'test.cq_items.insert',
      (d) => d.withTables<{ cq_items: typeof values }>().insertInto('cq_items').values(values),
      Object.values(values),
    );
  };

  it('runs the query compiled on first use with each call’s own values, in transactions too', async () => {
    await insert(tdb.db, 'a', 'first', 1);
    await insert(tdb.db, 'b', null, 2);
    await tdb.db.transaction().execute((trx) => insert(trx, 'c', 'third', 3));
    const rows = await sql<{ id: string; label: string | null; n: number }>`
      select id, label, n from cq_items order by id
    `.execute(tdb.db);
    expect(rows.rows).toEqual([
      { id: 'a', label: 'first', n: 1 },
      { id: 'b', label: null, n: 2 },
      { id: 'c', label: 'third', n: 3 },
    ]);
  });

  it('refuses parameters that are not the query’s, in its order', async () => {
    const values = { id: 'x', label: 'y', n: 9 };
    await expect(
      executeCompiled(
        tdb.db,
        'test.cq_items.misordered',
        (d) => d.withTables<{ cq_items: typeof values }>().insertInto('cq_items').values(values),
        [values.label, values.id, values.n],
      ),
    ).rejects.toThrow(/not the query's/);
    const stored = await sql<{ id: string }>`select id from cq_items where id = 'x'`.execute(tdb.db);
    expect(stored.rows).toEqual([]);
  });
});
