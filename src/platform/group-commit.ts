import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database, Db } from '../db/database.js';
import type { Engine } from '../db/connect.js';

// Group commit. SQLite has one writer, and most of the cost of a small durable write is its commit:
// every commit appends each page it changed (the row's page and one page per index) to the WAL.
// Submissions that arrive together therefore share one transaction, and the pages they share are
// written once. Each submission still runs alone inside it, in its own savepoint: one that throws is
// rolled back to its savepoint and gets its own error, the others go on. Nobody is answered before
// the transaction has committed, and if the commit (or the batch) fails, every submission in it gets
// that error: nothing is ever acknowledged that is not stored.

/** Work the caller wants done in a transaction; it gets the transaction and owns nothing else. */
export type TransactionWork<T> = (trx: Db) => Promise<T>;

/** Runs transactional work: alone (PostgreSQL) or grouped with the work waiting beside it (SQLite). */
export interface Committer {
  /** Runs `work` in a transaction; resolves with its result only once that transaction has committed. */
  run<T>(work: TransactionWork<T>): Promise<T>;
}

/** How a group committer batches. */
export interface GroupCommitOptions {
  /** The most submissions in one transaction (keeps the lock on the database short). */
  maxBatch?: number;
}

interface Pending {
  work: TransactionWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const DEFAULT_MAX_BATCH = 64;
const SAVEPOINT = 'group_commit_item';

/**
 * A committer that groups work into shared transactions. Work queued in the same turn of the event
 * loop (e.g. requests whose bodies arrived together) is started on the next turn (setImmediate) in
 * one transaction, each item in its own savepoint, in arrival order; work queued while a batch runs
 * waits for the next one. An item that throws is rolled back to its savepoint and rejected with its
 * own error; the others commit. Results are handed out only after COMMIT returns.
 */
export function groupCommitter(db: Kysely<Database>, options: GroupCommitOptions = {}): Committer {
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  const queue: Pending[] = [];
  let scheduled = false;
  let running = false;

  const schedule = () => {
    if (scheduled || running || queue.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      running = true;
      void runBatch(queue.splice(0, maxBatch)).finally(() => {
        running = false;
        schedule();
      });
    });
  };

  const runBatch = async (batch: Pending[]) => {
    const succeeded: { item: Pending; value: unknown }[] = [];
    const failed = new Map<Pending, unknown>();
    let trx: ControlledTransaction<Database> | undefined;
    try {
      trx = await db.startTransaction().execute();
      for (const item of batch) {
        const inner = await trx.savepoint(SAVEPOINT).execute();
        let value: unknown;
        try {
          value = await item.work(inner);
        } catch (error) {
          // If the engine gave up the whole transaction, rolling back to the savepoint throws out
          // of the batch below, and nothing in it is acknowledged.
          await inner.rollbackToSavepoint(SAVEPOINT).execute();
          await inner.releaseSavepoint(SAVEPOINT).execute();
          failed.set(item, error);
          continue;
        }
        await inner.releaseSavepoint(SAVEPOINT).execute();
        succeeded.push({ item, value });
      }
      await trx.commit().execute();
    } catch (error) {
      if (trx)
        await trx
          .rollback()
          .execute()
          .catch(() => undefined);
      // Items that failed on their own keep their own error; every other one gets the batch's.
      for (const item of batch) item.reject(failed.has(item) ? failed.get(item) : error);
      return;
    }
    for (const { item, value } of succeeded) item.resolve(value);
    for (const [item, error] of failed) item.reject(error);
  };

  return {
    run<T>(work: TransactionWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({
          work,
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        schedule();
      });
    },
  };
}

/** A committer that gives every piece of work its own transaction (PostgreSQL: many writers at once). */
export function transactionPerWork(db: Kysely<Database>): Committer {
  return { run: (work) => db.transaction().execute(work) };
}

const committers = new WeakMap<Kysely<Database>, Committer>();

/**
 * The committer for a database: one per connection, shared by every route using it, so work from
 * all of them is grouped together. SQLite groups; PostgreSQL, which commits concurrent transactions
 * in parallel and groups its WAL flushes itself, runs each piece of work in its own transaction.
 */
export function committerFor(db: Kysely<Database>, engine: Engine): Committer {
  let committer = committers.get(db);
  if (!committer) {
    committer = engine === 'sqlite' ? groupCommitter(db) : transactionPerWork(db);
    committers.set(db, committer);
  }
  return committer;
}
