import type { Db, InitiativesTable } from '../../db/database.js';
import { newId, nowIso } from '../../platform/clock.js';
import { toInitiative, type ConsentText, type Initiative, type Phase } from './initiatives.table.js';

/** The writable planning fields of an initiative (as stored). */
export interface InitiativeFields {
  title: string;
  summary: string;
  purpose: string;
  objectives: string[];
  targetGroup: string;
  formOfInvolvement: string;
  influenceLevel: string;
  visibility: string;
  feedbackPlan: string;
  responsibleStaffId: string | null;
}

function columns(fields: InitiativeFields) {
  return {
    title: fields.title,
    summary: fields.summary,
    purpose: fields.purpose,
    objectives: JSON.stringify(fields.objectives),
    target_group: fields.targetGroup,
    form_of_involvement: fields.formOfInvolvement,
    influence_level: fields.influenceLevel,
    visibility: fields.visibility,
    feedback_plan: fields.feedbackPlan,
    responsible_staff_id: fields.responsibleStaffId,
  };
}

async function hydrate(db: Db, rows: InitiativesTable[]): Promise<Initiative[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [departments, phases, consents] = await Promise.all([
    db
      .selectFrom('initiative_departments')
      .select(['initiative_id', 'department_id'])
      .where('initiative_id', 'in', ids)
      .execute(),
    db
      .selectFrom('initiative_phases')
      .selectAll()
      .where('initiative_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('consent_texts')
      .select(['id', 'initiative_id', 'version', 'body'])
      .where('initiative_id', 'in', ids)
      .orderBy('version', 'desc')
      .execute(),
  ]);
  return rows.map((row) => {
    const latest = consents.find((c) => c.initiative_id === row.id);
    const consent: ConsentText | null = latest
      ? { id: latest.id, version: Number(latest.version), body: latest.body }
      : null;
    return toInitiative(row, {
      departmentIds: departments.filter((d) => d.initiative_id === row.id).map((d) => d.department_id),
      phases: phases
        .filter((p) => p.initiative_id === row.id)
        .map((p): Phase => ({ id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on })),
      consent,
    });
  });
}

/** One initiative of an organization by id. */
export async function findInitiative(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Initiative | undefined> {
  const row = await db
    .selectFrom('initiatives')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

/** One initiative of an organization by its slug. */
export async function findInitiativeBySlug(
  db: Db,
  organizationId: string,
  slug: string,
): Promise<Initiative | undefined> {
  const row = await db
    .selectFrom('initiatives')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? (await hydrate(db, [row]))[0] : undefined;
}

/** An organization's initiatives, optionally only some statuses and visibilities, newest first. */
export async function listInitiatives(
  db: Db,
  organizationId: string,
  filter: { statuses?: string[]; visibility?: string } = {},
): Promise<Initiative[]> {
  let query = db.selectFrom('initiatives').selectAll().where('organization_id', '=', organizationId);
  if (filter.statuses && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.visibility) query = query.where('visibility', '=', filter.visibility);
  const rows = await query.orderBy('updated_at', 'desc').orderBy('id').execute();
  return hydrate(db, rows);
}

/** Whether a slug is taken within the organization. */
export async function slugTaken(db: Db, organizationId: string, slug: string): Promise<boolean> {
  const row = await db
    .selectFrom('initiatives')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return !!row;
}

/** Inserts a new initiative in draft. */
export async function insertInitiative(
  db: Db,
  organizationId: string,
  slug: string,
  fields: InitiativeFields,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('initiatives')
    .values({
      id,
      organization_id: organizationId,
      slug,
      ...columns(fields),
      status: 'draft',
      created_at: now,
      updated_at: now,
      opened_at: null,
      closed_at: null,
      archived_at: null,
    })
    .execute();
  return id;
}

/** Updates the planning fields. */
export async function updateInitiativeFields(
  db: Db,
  organizationId: string,
  id: string,
  fields: InitiativeFields,
): Promise<void> {
  await db
    .updateTable('initiatives')
    .set({ ...columns(fields), updated_at: nowIso() })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Replaces the phases of an initiative. */
export async function replacePhases(
  db: Db,
  organizationId: string,
  initiativeId: string,
  phases: { name: string; startsOn: string | null; endsOn: string | null }[],
): Promise<void> {
  await db
    .deleteFrom('initiative_phases')
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .execute();
  if (phases.length === 0) return;
  await db
    .insertInto('initiative_phases')
    .values(
      phases.map((p, i) => ({
        id: newId(),
        organization_id: organizationId,
        initiative_id: initiativeId,
        name: p.name,
        starts_on: p.startsOn,
        ends_on: p.endsOn,
        position: i,
      })),
    )
    .execute();
}

/** Replaces the departments involved in an initiative. */
export async function replaceDepartments(
  db: Db,
  organizationId: string,
  initiativeId: string,
  departmentIds: string[],
): Promise<void> {
  await db
    .deleteFrom('initiative_departments')
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .execute();
  if (departmentIds.length === 0) return;
  await db
    .insertInto('initiative_departments')
    .values(
      departmentIds.map((d) => ({
        organization_id: organizationId,
        initiative_id: initiativeId,
        department_id: d,
      })),
    )
    .execute();
}

/** Adds a consent text version (versions are never edited: participants keep the one they accepted). */
export async function insertConsentVersion(
  db: Db,
  organizationId: string,
  initiativeId: string,
  version: number,
  body: string,
): Promise<void> {
  await db
    .insertInto('consent_texts')
    .values({
      id: newId(),
      organization_id: organizationId,
      initiative_id: initiativeId,
      version,
      body,
      created_at: nowIso(),
    })
    .execute();
}

/** Sets the status and the matching timestamp. */
export async function setStatus(
  db: Db,
  organizationId: string,
  id: string,
  status: string,
  stamp: 'opened_at' | 'closed_at' | 'archived_at',
): Promise<void> {
  const now = nowIso();
  await db
    .updateTable('initiatives')
    .set({ status, [stamp]: now, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Which of the given department ids belong to the organization. */
export async function existingDepartmentIds(
  db: Db,
  organizationId: string,
  ids: string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('departments')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

/** The organization's departments (for the planning form). */
export async function listDepartmentOptions(
  db: Db,
  organizationId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('departments')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .execute();
}

/** The organization's active staff (to choose who is responsible). */
export async function listStaffOptions(
  db: Db,
  organizationId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('staff')
    .select(['id', 'name'])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}

/** Number of participants per initiative of the organization. */
export async function participantCounts(db: Db, organizationId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('initiative_participants')
    .select(['initiative_id', db.fn.countAll<string | number>().as('n')])
    .where('organization_id', '=', organizationId)
    .groupBy('initiative_id')
    .execute();
  return new Map(rows.map((r) => [r.initiative_id, Number(r.n)]));
}
