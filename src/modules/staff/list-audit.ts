import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { listAudit } from '../../platform/audit.js';
import { staffRules } from './staff.policy.js';

/** One audit entry as the admin page shows it. */
export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

/** The latest audit entries of the admin's organization, newest first. */
export async function listOrganizationAudit(db: Db, actor: StaffActor | undefined): Promise<AuditRow[]> {
  authorize(actor, staffRules.viewAudit);
  return listAudit(db, actor.organizationId);
}
