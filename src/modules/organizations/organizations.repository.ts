import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../platform/clock.js';

/** An organization as the rest of the platform sees it. */
export interface Organization {
  id: string;
  slug: string;
  name: string;
  defaultLocale: string;
  smallCellK: number;
}

function toOrganization(row: {
  id: string;
  slug: string;
  name: string;
  default_locale: string;
  small_cell_k: number;
}): Organization {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    defaultLocale: row.default_locale,
    smallCellK: Number(row.small_cell_k),
  };
}

/** Creates an organization. */
export async function insertOrganization(
  db: Db,
  input: { slug: string; name: string; defaultLocale?: string },
): Promise<Organization> {
  const row = {
    id: newId(),
    slug: input.slug,
    name: input.name,
    default_locale: input.defaultLocale ?? 'en',
    small_cell_k: 5,
    created_at: nowIso(),
  };
  await db.insertInto('organizations').values(row).execute();
  return toOrganization(row);
}

/** An organization by its public slug. */
export async function findOrganizationBySlug(db: Db, slug: string): Promise<Organization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toOrganization(row) : undefined;
}

/** An organization by id. */
export async function findOrganizationById(db: Db, id: string): Promise<Organization | undefined> {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOrganization(row) : undefined;
}

/** All organizations, by name (for the platform's start page). */
export async function listOrganizations(db: Db): Promise<Organization[]> {
  const rows = await db.selectFrom('organizations').selectAll().orderBy('name').execute();
  return rows.map(toOrganization);
}

/** Whether the database holds no organization yet (then the demo is seeded). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  return !row;
}
