import type { Db } from '../db/database.js';
import { newId, nowIso } from './clock.js';

/** One staff action worth keeping a record of. */
export interface AuditEntry {
  organizationId: string;
  staffId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit log, in the caller's transaction so the record and the change land together. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      organization_id: entry.organizationId,
      staff_id: entry.staffId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      created_at: nowIso(),
    })
    .execute();
}

/** The latest audit entries of one organization, newest first, with the acting staff member's name. */
export async function listAudit(db: Db, organizationId: string, limit = 200) {
  return db
    .selectFrom('audit_log')
    .leftJoin('staff', 'staff.id', 'audit_log.staff_id')
    .select([
      'audit_log.id',
      'audit_log.action',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.details',
      'audit_log.created_at',
      'staff.name as staff_name',
    ])
    .where('audit_log.organization_id', '=', organizationId)
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
}
