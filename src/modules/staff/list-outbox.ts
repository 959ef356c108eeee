import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { listOutbox } from '../../platform/mail/outbox.js';
import { staffRules } from './staff.policy.js';

/** One message of the outbox as the admin page shows it. */
export type OutboxMessage = Awaited<ReturnType<typeof listOutbox>>[number];

/** The admin's organization's outgoing mail, newest first (so the demo works without SMTP). */
export async function listOrganizationOutbox(
  db: Db,
  actor: StaffActor | undefined,
): Promise<OutboxMessage[]> {
  authorize(actor, staffRules.viewOutbox);
  return listOutbox(db, actor.organizationId);
}
