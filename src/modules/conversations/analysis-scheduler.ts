import { Piscina } from 'piscina';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { AnalysisInput, StoredAnalysis } from './analysis-result.js';
import { loadAnalysisInput, storeAnalysis } from './run-conversation-analysis.js';

// Analyses run in a piscina worker thread as votes arrive, debounced per conversation, so a burst
// of votes costs one run and no request waits on the math. One scheduler per database handle.

/** How long after the last vote a conversation's analysis starts. */
export const ANALYSIS_DEBOUNCE_MS = 1500;

let pool: Piscina<AnalysisInput, StoredAnalysis> | undefined;

/**
 * The worker pool. From the sources (dev, tests) the worker is the TypeScript file, loaded with tsx;
 * from the bundle (`npm start`) it is `conversation-analysis.worker.js` beside `main.js` (scripts/build.mjs).
 */
function workers(): Piscina<AnalysisInput, StoredAnalysis> {
  if (!pool) {
    const fromSource = import.meta.url.endsWith('.ts');
    pool = new Piscina<AnalysisInput, StoredAnalysis>({
      filename: new URL(
        fromSource ? './conversation-analysis.worker.ts' : './conversation-analysis.worker.js',
        import.meta.url,
      ).href,
      ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}),
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 30_000,
    });
  }
  return pool;
}

interface Job {
  organizationId: string;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  again: boolean;
}

interface Scheduler {
  jobs: Map<string, Job>;
  /** Runs started so far (for operations and tests). */
  runs: number;
  log: (error: unknown) => void;
  debounceMs: number;
}

const schedulers = new WeakMap<object, Scheduler>();

/** Sets up the scheduler of a database handle (the app does this once). */
export function startAnalysisScheduler(
  db: Kysely<Database>,
  options: { log: (error: unknown) => void; debounceMs?: number },
): void {
  schedulers.set(db, {
    jobs: new Map(),
    runs: 0,
    log: options.log,
    debounceMs: options.debounceMs ?? ANALYSIS_DEBOUNCE_MS,
  });
}

function schedulerOf(db: Kysely<Database>): Scheduler {
  let s = schedulers.get(db);
  if (!s) {
    s = { jobs: new Map(), runs: 0, log: () => undefined, debounceMs: ANALYSIS_DEBOUNCE_MS };
    schedulers.set(db, s);
  }
  return s;
}

async function run(db: Kysely<Database>, s: Scheduler, conversationId: string, job: Job): Promise<void> {
  s.runs++;
  try {
    const input = await loadAnalysisInput(db, job.organizationId, conversationId);
    const result = await workers().run(input);
    await storeAnalysis(db, job.organizationId, conversationId, input, result);
  } catch (error) {
    s.log(error);
  }
}

function start(db: Kysely<Database>, s: Scheduler, conversationId: string, job: Job): void {
  job.timer = undefined;
  if (job.running) {
    // A run is under way: its input may miss the latest votes, so another follows it.
    job.again = true;
    return;
  }
  job.running = run(db, s, conversationId, job).finally(() => {
    job.running = undefined;
    if (job.again) {
      job.again = false;
      start(db, s, conversationId, job);
    } else if (!job.timer) s.jobs.delete(conversationId);
  });
}

/** Asks for a conversation's analysis to rerun soon (debounced); returns at once. */
export function requestAnalysis(db: Kysely<Database>, organizationId: string, conversationId: string): void {
  const s = schedulerOf(db);
  let job = s.jobs.get(conversationId);
  if (!job) {
    job = { organizationId, timer: undefined, running: undefined, again: false };
    s.jobs.set(conversationId, job);
  }
  if (job.timer) clearTimeout(job.timer);
  const current = job;
  job.timer = setTimeout(() => start(db, s, conversationId, current), s.debounceMs);
  job.timer.unref();
}

/** How many analysis runs the database's scheduler has started. */
export function countAnalysisRuns(db: Kysely<Database>): number {
  return schedulerOf(db).runs;
}

/** Starts every waiting analysis now and waits until none is pending (tests, shutdown). */
export async function settleAnalyses(db: Kysely<Database>): Promise<void> {
  const s = schedulerOf(db);
  while (s.jobs.size > 0) {
    for (const [conversationId, job] of s.jobs) {
      if (job.timer) {
        clearTimeout(job.timer);
        start(db, s, conversationId, job);
      }
    }
    await Promise.all([...s.jobs.values()].map(async (j) => j.running));
  }
}

/** Settles the database's analyses and, when asked, stops the worker pool (app shutdown). */
export async function stopAnalyses(db: Kysely<Database>, closePool: boolean): Promise<void> {
  await settleAnalyses(db);
  schedulers.delete(db);
  if (closePool && pool) {
    const p = pool;
    pool = undefined;
    await p.destroy();
  }
}
