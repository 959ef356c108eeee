import type { Db } from '../../db/database.js';
import type { Role, StaffActor } from '../actor.js';

/** The columns that make a staff actor, selected by sessions and API tokens alike. */
export const actorColumns = [
  'staff.id',
  'staff.organization_id',
  'staff.role',
  'staff.name',
  'staff.email',
] as const;

/** Maps a selected staff row to an actor. */
export function toActor(
  row: { id: string; organization_id: string; role: string; name: string; email: string },
  via: StaffActor['via'],
): StaffActor {
  return {
    kind: 'staff',
    staffId: row.id,
    organizationId: row.organization_id,
    role: row.role as Role,
    name: row.name,
    email: row.email,
    via,
  };
}

/** An active staff member by id within an organization, as an actor. */
export async function findActiveStaffActor(
  db: Db,
  organizationId: string,
  staffId: string,
): Promise<StaffActor | undefined> {
  const row = await db
    .selectFrom('staff')
    .select(actorColumns)
    .where('staff.id', '=', staffId)
    .where('staff.organization_id', '=', organizationId)
    .where('staff.status', '=', 'active')
    .executeTakeFirst();
  return row ? toActor(row, 'session') : undefined;
}
