import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import type { TargetPopulation } from './representativeness.table.js';

// The only place the representativeness capability's SQL lives; every query is scoped by organization.

/** The target population margins of an initiative, by attribute. */
export async function targetPopulationsOf(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<TargetPopulation[]> {
  const rows = await db
    .selectFrom('target_populations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .execute();
  return rows.map((r) => ({
    attributeId: r.attribute_id,
    shares: JSON.parse(r.shares) as Record<string, number>,
    quotas: JSON.parse(r.quotas) as Record<string, number>,
    source: r.source,
    asOf: r.as_of,
    updatedAt: r.updated_at,
  }));
}

/** Writes (inserts or replaces) one attribute's margins. */
export async function saveTargetPopulation(
  db: Db,
  organizationId: string,
  initiativeId: string,
  population: Omit<TargetPopulation, 'updatedAt'>,
): Promise<void> {
  const values = {
    shares: JSON.stringify(population.shares),
    quotas: JSON.stringify(population.quotas),
    source: population.source,
    as_of: population.asOf,
    updated_at: nowIso(),
  };
  await db
    .insertInto('target_populations')
    .values({
      organization_id: organizationId,
      initiative_id: initiativeId,
      attribute_id: population.attributeId,
      ...values,
    })
    .onConflict((oc) => oc.columns(['initiative_id', 'attribute_id']).doUpdateSet(values))
    .execute();
}

/** Removes one attribute's margins. */
export async function deleteTargetPopulation(
  db: Db,
  organizationId: string,
  initiativeId: string,
  attributeId: string,
): Promise<void> {
  await db
    .deleteFrom('target_populations')
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('attribute_id', '=', attributeId)
    .execute();
}
