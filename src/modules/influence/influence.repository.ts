import type { Db } from '../../db/database.js';
import type { TokenRiskThresholds } from '../../analysis/influence/index.js';

// The only place the influence capability's SQL lives. Every query is scoped by organization_id.

/** The organization's own thresholds, or undefined when it chose none. */
export async function findThresholds(
  db: Db,
  organizationId: string,
): Promise<TokenRiskThresholds | undefined> {
  const row = await db
    .selectFrom('influence_settings')
    .select(['closed_days', 'response_share_percent'])
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row
    ? { closedDays: Number(row.closed_days), responseSharePercent: Number(row.response_share_percent) }
    : undefined;
}

/** Stores the organization's thresholds (one row per organization). */
export async function storeThresholds(
  db: Db,
  organizationId: string,
  thresholds: TokenRiskThresholds,
  staffId: string,
  now: string,
): Promise<void> {
  const values = {
    closed_days: thresholds.closedDays,
    response_share_percent: thresholds.responseSharePercent,
    updated_by: staffId,
    updated_at: now,
  };
  await db
    .insertInto('influence_settings')
    .values({ organization_id: organizationId, ...values })
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
    .execute();
}
