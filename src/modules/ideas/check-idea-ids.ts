import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { listIdeaRows } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';

/**
 * Which of the given ids are not ideas of the initiative (in the actor's organization): how other
 * modules (sprints, experiments) check the ideas they link to without reading this module's tables.
 */
export async function unknownIdeaIds(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ids: readonly string[],
): Promise<string[]> {
  authorize(actor, ideaRules.view);
  const known = new Set((await listIdeaRows(db, actor.organizationId, initiativeId)).map((i) => i.id));
  return ids.filter((id) => !known.has(id));
}
