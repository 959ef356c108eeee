import type { FastifyBaseLogger } from 'fastify';
import type { i18n } from 'i18next';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { enqueueFollowUpDigests } from './enqueue-follow-up-digests.js';

/** Starts the digest job every `followUpPollMs`, beside the mail sender; returns a function that stops it. */
export function startFollowUpLoop(
  db: Kysely<Database>,
  config: Config,
  i18n: i18n,
  log: FastifyBaseLogger,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const tick = () => {
    // A slow pass is never overlapped by the next one, so no contributor is written to twice.
    if (stopped || busy) return;
    busy = true;
    running = enqueueFollowUpDigests(db, {
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
      translatorFor: (locale) => i18n.getFixedT(locale),
      quietMinutes: config.followUpQuietMinutes,
    })
      .then((report) => {
        if (report.mailed > 0) log.info({ followUp: report }, 'follow-up digests enqueued');
      })
      .catch((err: unknown) => log.error({ err }, 'follow-up digests failed'))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, config.followUpPollMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
