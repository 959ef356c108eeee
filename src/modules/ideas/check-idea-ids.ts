import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { findIdeaInOrganization, listIdeaRows } from './ideas.repository.js';
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

/** The titles of some ideas of an organization, by id, for other modules' boards (unknown ids are missing). */
export async function ideaTitles(
  db: Db,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of new Set(ids)) {
    const idea = await findIdeaInOrganization(db, organizationId, id);
    if (idea) out.set(id, idea.title);
  }
  return out;
}
