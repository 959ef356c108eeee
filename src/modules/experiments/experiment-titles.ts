import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { listExperimentRows } from './experiments.repository.js';
import { experimentRules } from './experiments.policy.js';

/**
 * Titles of an initiative's experiments by id, for other modules' boards (sprints): with an actor
 * their role is checked; without one the caller has checked access (an external sprint member).
 */
export async function experimentTitles(
  db: Db,
  actor: StaffActor | undefined,
  organizationId: string,
  initiativeId: string,
): Promise<Map<string, string>> {
  if (actor) authorize(actor, experimentRules.view);
  const rows = await listExperimentRows(db, organizationId, initiativeId);
  return new Map(rows.map((e) => [e.id, e.title]));
}
