import type { Db } from '../../db/database.js';
import { newId } from '../../platform/clock.js';
import { toExperiment, type Experiment, type ExperimentsTable } from './experiments.table.js';

// The only place the experiments capability's SQL lives. Every query is scoped by organization_id.

/** The fields of a new experiment. */
export type NewExperiment = Omit<
  ExperimentsTable,
  | 'id'
  | 'organization_id'
  | 'initiative_id'
  | 'users_tested'
  | 'user_segments'
  | 'results'
  | 'learnings'
  | 'decision'
  | 'decision_reason'
  | 'decided_at'
  | 'created_at'
  | 'updated_at'
>;

/** Stores a new experiment and returns its id. */
export async function insertExperiment(
  db: Db,
  organizationId: string,
  initiativeId: string,
  fields: NewExperiment,
  now: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('experiments')
    .values({
      id,
      organization_id: organizationId,
      initiative_id: initiativeId,
      ...fields,
      users_tested: 0,
      user_segments: '',
      results: '',
      learnings: '',
      decision: null,
      decision_reason: '',
      decided_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** One experiment of an initiative, or undefined. */
export async function findExperiment(
  db: Db,
  organizationId: string,
  initiativeId: string,
  id: string,
): Promise<Experiment | undefined> {
  const row = await db
    .selectFrom('experiments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toExperiment(row) : undefined;
}

/** An initiative's experiments, newest first. */
export async function listExperimentRows(db: Db, organizationId: string, initiativeId: string) {
  const rows = await db
    .selectFrom('experiments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toExperiment);
}

/** Changes an experiment's recorded results or decision. */
export async function updateExperiment(
  db: Db,
  organizationId: string,
  id: string,
  set: Partial<
    Pick<
      ExperimentsTable,
      | 'users_tested'
      | 'user_segments'
      | 'results'
      | 'learnings'
      | 'decision'
      | 'decision_reason'
      | 'decided_at'
    >
  >,
  now: string,
): Promise<void> {
  await db
    .updateTable('experiments')
    .set({ ...set, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** An organization's decided experiments in some initiatives, newest decision first. */
export async function listDecided(
  db: Db,
  organizationId: string,
  initiativeIds: string[],
): Promise<Experiment[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await db
    .selectFrom('experiments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', 'in', initiativeIds)
    .where('decision', 'is not', null)
    .orderBy('decided_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toExperiment);
}
