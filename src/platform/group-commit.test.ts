import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../test/support/databases.js';
import { connect } from '../db/connect.js';
import type { Database, Db } from '../db/database.js';
import { AppError } from './errors.js';
import { committerFor, groupCommitter, type Committer } from './group-commit.js';

describe.each(engines)('committer on %s', (engine) => {
  let tdb: TestDatabase;
  // A second connection to the same database: it sees only what has been committed.
  let outside: Kysely<Database>;
  let committer: Committer;

  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
    outside = connect(tdb.location).db;
    committer = committerFor(tdb.db, engine);
    await sql`create table gc_items (id text primary key, n integer not null)`.execute(tdb.db);
    await sql`create table gc_parents (id text primary key)`.execute(tdb.db);
    // Checked only at COMMIT: an orphan makes the commit itself fail.
    await sql`
      create table gc_children (
        id text primary key,
        parent_id text not null references gc_parents (id) deferrable initially deferred
      )
    `.execute(tdb.db);
  });
  afterAll(async () => {
    await outside.destroy();
    await tdb.close();
  });
  beforeEach(async () => {
    await sql`delete from gc_children`.execute(tdb.db);
    await sql`delete from gc_items`.execute(tdb.db);
  });

  const insert = (trx: Db, id: string, n: number) =>
    sql`insert into gc_items (id, n) values (${id}, ${n})`.execute(trx);
  const committedIds = async () =>
    (await sql<{ id: string }>`select id from gc_items order by id`.execute(outside)).rows.map((r) => r.id);
  const committedCount = async () => (await committedIds()).length;
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `item-${String(i).padStart(3, '0')}`);

  it('stores N parallel submissions and answers each only after its row is committed', async () => {
    const all = ids(50);
    const seenAtAnswer = await Promise.all(
      all.map(async (id, i) => {
        const value = await committer.run(async (trx) => {
          await insert(trx, id, i);
          return i * 2;
        });
        expect(value).toBe(i * 2);
        // Acknowledged means durable: another connection sees the row by the time we are answered.
        return (await committedIds()).includes(id);
      }),
    );
    expect(seenAtAnswer.every(Boolean)).toBe(true);
    expect(await committedIds()).toEqual(all);
  });

  it('fails one submission alone with its own error, rolling back only its writes', async () => {
    const all = ids(20);
    const outcomes = await Promise.allSettled(
      all.map((id, i) =>
        committer.run(async (trx) => {
          await insert(trx, id, i);
          // Writes first, then breaks a rule: its row must not survive.
          if (i === 7) throw new AppError('survey_closed');
          // A duplicate key: the database refuses the statement.
          if (i === 13) await insert(trx, all[0]!, 0);
          return id;
        }),
      ),
    );
    const rejected = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [[i, o.reason] as const] : []));
    expect(rejected.map(([i]) => i)).toEqual([7, 13]);
    expect(rejected[0]![1]).toBeInstanceOf(AppError);
    expect((rejected[0]![1] as AppError).code).toBe('survey_closed');
    expect(String(rejected[1]![1])).toMatch(/unique|duplicate/i);
    expect(await committedIds()).toEqual(all.filter((_, i) => i !== 7 && i !== 13));
  });

  it('acknowledges nothing that a failed commit did not store', async () => {
    const all = ids(10);
    const outcomes = await Promise.allSettled(
      all.map((id, i) =>
        committer.run(async (trx) => {
          await insert(trx, id, i);
          // An orphan passes the statement and fails the commit of the transaction holding it.
          if (i === 4)
            await sql`insert into gc_children (id, parent_id) values ('c', 'missing')`.execute(trx);
          return id;
        }),
      ),
    );
    const stored = new Set(await committedIds());
    outcomes.forEach((o, i) => expect(stored.has(all[i]!)).toBe(o.status === 'fulfilled'));
    expect(outcomes[4]!.status).toBe('rejected');
    // SQLite: all ten shared the failed transaction, so none of them is acknowledged.
    if (engine === 'sqlite') expect(outcomes.filter((o) => o.status === 'fulfilled')).toEqual([]);
    expect(
      (await sql<{ n: number }>`select count(*) as n from gc_children`.execute(outside)).rows[0]!.n,
    ).toEqual(engine === 'postgres' ? '0' : 0);
    // The committer still works after a failed batch.
    await committer.run((trx) => insert(trx, 'after', 1));
    expect((await committedIds()).includes('after')).toBe(true);
  });

  // SQLite only: PostgreSQL commits each submission on its own, without a group.
  if (engine === 'sqlite')
    it('groups submissions that arrive together into one transaction', async () => {
      const all = ids(30);
      // Each work looks from outside while it runs: in one shared transaction nothing is committed yet.
      const seenDuring = await Promise.all(
        all.map((id, i) =>
          committer.run(async (trx) => {
            await insert(trx, id, i);
            return committedCount();
          }),
        ),
      );
      expect(seenDuring).toEqual(all.map(() => 0));
      expect(await committedCount()).toBe(30);
    });

  // SQLite only: PostgreSQL commits each submission on its own, without a group.
  if (engine === 'sqlite')
    it('keeps batches to the size asked for', async () => {
      const small = groupCommitter(tdb.db, { maxBatch: 4 });
      const seenDuring = await Promise.all(
        ids(10).map((id, i) =>
          small.run(async (trx) => {
            await insert(trx, id, i);
            return committedCount();
          }),
        ),
      );
      // Three transactions of 4, 4 and 2 in arrival order: each sees the batches before it committed.
      expect(seenDuring).toEqual([0, 0, 0, 0, 4, 4, 4, 4, 8, 8]);
    });
});
