import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { findSprint } from './sprints.repository.js';
import type { SprintsTable } from './sprints.table.js';

// Shared steps of the sprint use cases (not use cases themselves).

/** The initiative of the actor's organization and one of its sprints; otherwise not found. */
export async function loadSprint(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  sprintId: string,
): Promise<{ initiative: Initiative; sprint: SprintsTable }> {
  const initiative = await getInitiative(db, actor, initiativeId);
  const sprint = await findSprint(db, actor.organizationId, sprintId);
  if (!sprint || sprint.initiative_id !== initiative.id) throw notFound();
  return { initiative, sprint };
}
