import type { Db } from '../../db/database.js';
import { newId } from '../../platform/clock.js';
import type { SprintMembersTable, SprintsTable } from './sprints.table.js';

// The only place the sprints capability's SQL lives. Every query is scoped by organization_id.

/** The fields of a sprint that use cases write. */
export type SprintFields = Pick<
  SprintsTable,
  'challenge' | 'in_scope' | 'out_of_scope' | 'starts_on' | 'ends_on'
>;

/** Stores a new sprint and returns its id. */
export async function insertSprint(
  db: Db,
  organizationId: string,
  initiativeId: string,
  fields: SprintFields,
  meta: { createdBy: string; now: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('sprints')
    .values({
      id,
      organization_id: organizationId,
      initiative_id: initiativeId,
      ...fields,
      stage: 'understand',
      dismissed_warnings: '[]',
      created_by: meta.createdBy,
      created_at: meta.now,
      updated_at: meta.now,
    })
    .execute();
  return id;
}

/** One sprint of the organization (in whatever initiative), or undefined. */
export async function findSprint(
  db: Db,
  organizationId: string,
  id: string,
): Promise<SprintsTable | undefined> {
  return db
    .selectFrom('sprints')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** An initiative's sprints, newest first. */
export async function listSprintRows(db: Db, organizationId: string, initiativeId: string) {
  return db
    .selectFrom('sprints')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Changes a sprint's stage or dismissed warnings. */
export async function updateSprint(
  db: Db,
  organizationId: string,
  id: string,
  set: Partial<Pick<SprintsTable, 'stage' | 'dismissed_warnings'>>,
  now: string,
): Promise<void> {
  await db
    .updateTable('sprints')
    .set({ ...set, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Stores a team member and returns its id. */
export async function insertMember(
  db: Db,
  organizationId: string,
  sprintId: string,
  member: Omit<SprintMembersTable, 'id' | 'organization_id' | 'sprint_id' | 'created_at'>,
  now: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('sprint_members')
    .values({ id, organization_id: organizationId, sprint_id: sprintId, ...member, created_at: now })
    .execute();
  return id;
}

/** A sprint's team, in the order they were added. */
export async function listMembers(db: Db, organizationId: string, sprintId: string) {
  return db
    .selectFrom('sprint_members')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('sprint_id', '=', sprintId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The member an invitation link belongs to (in any organization), or undefined. */
export async function findMemberByInvitation(db: Db, invitationHash: string) {
  return db
    .selectFrom('sprint_members')
    .selectAll()
    .where('invitation_hash', '=', invitationHash)
    .executeTakeFirst();
}

/** One member by id, or undefined. */
export async function findMember(db: Db, id: string) {
  return db.selectFrom('sprint_members').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Marks an external member as having joined. */
export async function markJoined(
  db: Db,
  organizationId: string,
  memberId: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('sprint_members')
    .set({ joined_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', memberId)
    .execute();
}

/** Places an item on the board (or moves it to another stage if it is already there). */
export async function placeItem(
  db: Db,
  organizationId: string,
  sprintId: string,
  item: { kind: string; itemId: string; stage: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('sprint_items')
    .values({
      id: newId(),
      organization_id: organizationId,
      sprint_id: sprintId,
      kind: item.kind,
      item_id: item.itemId,
      stage: item.stage,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['sprint_id', 'kind', 'item_id']).doUpdateSet({ stage: item.stage }))
    .execute();
}

/** A sprint's board items. */
export async function listItems(db: Db, organizationId: string, sprintId: string) {
  return db
    .selectFrom('sprint_items')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('sprint_id', '=', sprintId)
    .orderBy('created_at')
    .execute();
}

/** Adds a line to a sprint's activity log. */
export async function logActivity(
  db: Db,
  organizationId: string,
  sprintId: string,
  entry: { who: string; action: string; subject?: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('sprint_activity')
    .values({
      id: newId(),
      organization_id: organizationId,
      sprint_id: sprintId,
      who: entry.who,
      action: entry.action,
      subject: entry.subject ?? '',
      created_at: now,
    })
    .execute();
}

/** A sprint's activity log, newest first. */
export async function listActivity(db: Db, organizationId: string, sprintId: string) {
  return db
    .selectFrom('sprint_activity')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('sprint_id', '=', sprintId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
