import type { Db } from '../../db/database.js';
import { listAttributes } from './demographics.repository.js';
import type { DemographicAttribute } from './participants.table.js';

/** The organization's demographic attributes and categories, in order (they are not secret). */
export async function listDemographicAttributes(
  db: Db,
  organizationId: string,
): Promise<DemographicAttribute[]> {
  return listAttributes(db, organizationId);
}
