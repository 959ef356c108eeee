import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../clock.js';

/** A message to send; it is stored first and sent later by the sender, so nothing is lost. */
export interface OutgoingMail {
  organizationId: string | null;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Extra header lines (e.g. List-Unsubscribe); the sender passes them on unchanged. */
  headers?: Record<string, string> | null;
}

/** Puts a message in the outbox, in the caller's transaction. Returns its id. */
export async function enqueueMail(db: Db, mail: OutgoingMail): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('mail_outbox')
    .values({
      id,
      organization_id: mail.organizationId,
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      sent_at: null,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
    })
    .execute();
  return id;
}

/** One organization's outbox, newest first (for the admin page when no SMTP server is set). */
export async function listOutbox(db: Db, organizationId: string, limit = 100) {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
