import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import {
  findOrganizationById,
  findOrganizationBySlug,
  type Organization,
} from './organizations.repository.js';

/** The organization behind a public URL's slug; `not_found` otherwise. */
export async function getOrganizationBySlug(db: Db, slug: string): Promise<Organization> {
  const org = await findOrganizationBySlug(db, slug);
  if (!org) throw notFound();
  return org;
}

/** The organization of a signed-in staff member. */
export async function getOrganization(db: Db, id: string): Promise<Organization> {
  const org = await findOrganizationById(db, id);
  if (!org) throw notFound();
  return org;
}

export type { Organization };
