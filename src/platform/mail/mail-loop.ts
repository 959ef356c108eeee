import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { sendDueMail, smtpTransport, type MailTransport } from './sender.js';

/** Starts sending the outbox every `mailPollMs`; returns a function that stops it. */
export function startMailLoop(
  db: Kysely<Database>,
  config: Config,
  log: FastifyBaseLogger,
  transport?: MailTransport,
): () => Promise<void> {
  const smtp = transport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl) : undefined);
  if (!smtp) return async () => {};
  const domain = new URL(config.publicUrl).hostname;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = sendDueMail(db, smtp, { from: config.mailFrom, messageIdDomain: domain })
      .then((report) => {
        if (report.sent + report.failed + report.retried > 0) log.info({ mail: report }, 'outbox sent');
      })
      .catch((err: unknown) => log.error({ err }, 'outbox sending failed'));
  };
  const timer = setInterval(tick, config.mailPollMs);
  timer.unref();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
