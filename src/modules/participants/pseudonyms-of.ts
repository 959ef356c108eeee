import type { Db } from '../../db/database.js';

/**
 * The pseudonyms of some participants of an organization, by id: what other modules show in
 * public next to a contribution (never an email). Unknown ids are simply missing from the map.
 */
export async function pseudonymsOf(
  db: Db,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('participants')
      .select(['id', 'pseudonym'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.pseudonym);
  }
  return out;
}
