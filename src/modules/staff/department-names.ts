import type { Db } from '../../db/database.js';
import { listDepartments } from './staff.repository.js';

/** An organization's departments by id: names are public (the learning log filters by them). */
export async function departmentNames(db: Db, organizationId: string): Promise<Map<string, string>> {
  return new Map((await listDepartments(db, organizationId)).map((d) => [d.id, d.name]));
}
