import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';

/** What the sender needs from a mail transport (nodemailer's `sendMail`). */
export interface MailTransport {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    messageId?: string;
    headers?: Record<string, string>;
  }): Promise<unknown>;
}

/** Creates an SMTP transport from an `smtp://` or `smtps://` URL. */
export function smtpTransport(url: string): Transporter {
  return nodemailer.createTransport(url);
}

/** How the sender retries. */
export interface SendOptions {
  from: string;
  /** Hostname for Message-IDs, so a receiver can drop a duplicate delivery. */
  messageIdDomain: string;
  maxAttempts?: number;
  /** First retry delay in ms; it doubles with each attempt. */
  baseDelayMs?: number;
  /** How long a claimed message is reserved before another sender may try it. */
  leaseMs?: number;
  batch?: number;
  now?: () => Date;
}

/** What one pass of the sender did. */
export interface SendReport {
  sent: number;
  failed: number;
  retried: number;
}

/**
 * Sends due messages from the outbox. Each message is first claimed (moved to `sending` with a
 * lease) so two senders never send it at once; on failure it is retried with exponential backoff
 * until `maxAttempts`, then marked `failed`.
 */
export async function sendDueMail(
  db: Kysely<Database>,
  transport: MailTransport,
  options: SendOptions,
): Promise<SendReport> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelay = options.baseDelayMs ?? 30_000;
  const lease = options.leaseMs ?? 120_000;
  const report: SendReport = { sent: 0, failed: 0, retried: 0 };
  const due = await db
    .selectFrom('mail_outbox')
    .select(['id'])
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now().toISOString())
    .orderBy('created_at')
    .limit(options.batch ?? 50)
    .execute();
  for (const { id } of due) {
    const claimedUntil = new Date(now().getTime() + lease).toISOString();
    const claim = await db
      .updateTable('mail_outbox')
      .set({ status: 'sending', next_attempt_at: claimedUntil })
      .where('id', '=', id)
      .where('status', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<=', now().toISOString())
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    const message = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    try {
      await transport.sendMail({
        from: options.from,
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        ...(message.html_body ? { html: message.html_body } : {}),
        ...(message.headers ? { headers: JSON.parse(message.headers) as Record<string, string> } : {}),
        messageId: `<${message.id}@${options.messageIdDomain}>`,
      });
      await db
        .updateTable('mail_outbox')
        .set({
          status: 'sent',
          sent_at: now().toISOString(),
          attempts: message.attempts + 1,
          last_error: null,
        })
        .where('id', '=', id)
        .execute();
      report.sent++;
    } catch (error) {
      const attempts = message.attempts + 1;
      const giveUp = attempts >= maxAttempts;
      await db
        .updateTable('mail_outbox')
        .set({
          status: giveUp ? 'failed' : 'pending',
          attempts,
          last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          next_attempt_at: new Date(now().getTime() + baseDelay * 2 ** (attempts - 1)).toISOString(),
        })
        .where('id', '=', id)
        .execute();
      if (giveUp) report.failed++;
      else report.retried++;
    }
  }
  return report;
}
