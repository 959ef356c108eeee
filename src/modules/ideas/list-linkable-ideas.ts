import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { listIdeaRows } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';

/** An idea as another module links to it: its title and the participant who posted it, if any. */
export interface LinkableIdea {
  id: string;
  title: string;
  /** The posting participant, or null for staff ideas and after the author erased their data. */
  participantId: string | null;
}

/**
 * The ideas of an initiative (in the actor's organization) whose title or description contains the
 * search text, case-insensitively; all of them when the search is empty. How decisions find the
 * ideas they can be traced to without reading this module's tables.
 */
export async function listLinkableIdeas(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  search = '',
): Promise<LinkableIdea[]> {
  authorize(actor, ideaRules.view);
  const needle = search.trim().toLocaleLowerCase();
  return (await listIdeaRows(db, actor.organizationId, initiativeId))
    .filter((i) => needle === '' || `${i.title}\n${i.description}`.toLocaleLowerCase().includes(needle))
    .map((i) => ({
      id: i.id,
      title: i.title,
      participantId: i.author.kind === 'participant' ? i.author.id : null,
    }));
}
