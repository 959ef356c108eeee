import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { catchUpAllTallies } from './survey-tallies.js';

// The background tallier. A completed response calls `tallyWanted()`; the loop then folds everything
// waiting after DELAY_MS (a throttle, not a debounce: under steady load it still runs every DELAY_MS,
// each pass taking the ~DELAY_MS worth of responses that arrived meanwhile). It also polls every
// POLL_MS for responses stored by other processes. Readers never depend on it: they catch up first.

const DELAY_MS = 50;
const POLL_MS = 2000;
// Responses per transaction of the background pass: each batch runs on the request thread, so it
// must stay short (a pass takes what arrived in DELAY_MS, a few hundred at a few thousand a second;
// readers catching up take 1000). Each batch also pays once for reading and writing its tally rows.
const LOOP_BATCH = 500;
const listeners = new Set<() => void>();

/** Tells the running tally loops (if any) that a completed response is waiting. Cheap: call it per response. */
export function tallyWanted(): void {
  for (const listener of listeners) listener();
}

/** Starts the background tallier; returns a function that stops it after the pass in progress. */
export function startTallyLoop(db: Kysely<Database>, log: FastifyBaseLogger): () => Promise<void> {
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let again = false;
  let stopped = false;
  const pass = () => {
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = catchUpAllTallies(db, {
      limit: LOOP_BATCH,
      onQuarantine: (surveyId, responses) =>
        log.error({ surveyId, responses }, 'survey responses quarantined: the tallier cannot count them'),
    })
      .then(() => undefined)
      .catch((err: unknown) => log.error({ err }, 'tallying survey responses failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          schedule();
        }
      });
  };
  const schedule = () => {
    if (!timer && !stopped) timer = setTimeout(pass, DELAY_MS);
  };
  listeners.add(schedule);
  const poll = setInterval(schedule, POLL_MS);
  poll.unref();
  schedule();
  return async () => {
    stopped = true;
    listeners.delete(schedule);
    clearInterval(poll);
    if (timer) clearTimeout(timer);
    await running;
  };
}
