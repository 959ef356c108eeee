import type { Db } from '../../db/database.js';
import type { DecisionStatus } from './decisions.table.js';

/** What a contributor may learn about a decision their input shaped (all of it is public). */
export interface DecisionSummary {
  id: string;
  initiativeId: string;
  title: string;
  status: DecisionStatus;
  notAdoptedReason: string;
  decidedOn: string;
}

/**
 * The decisions with these ids in the organization (unknown ids left out), for telling contributors
 * what became of their input. Internal: the caller has established who may see them.
 */
export async function listDecisionSummaries(
  db: Db,
  organizationId: string,
  ids: readonly string[],
): Promise<DecisionSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('decisions')
    .select(['id', 'initiative_id', 'title', 'status', 'not_adopted_reason', 'decided_on'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    initiativeId: r.initiative_id,
    title: r.title,
    status: r.status as DecisionStatus,
    notAdoptedReason: r.not_adopted_reason,
    decidedOn: r.decided_on,
  }));
}
