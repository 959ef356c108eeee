import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getPublicInitiative } from '../initiatives/public-initiatives.js';
import { findCurrentParticipant } from '../participants/find-current-participant.js';
import { ideaViews, type IdeaView } from './idea-view.js';
import { listIdeaRows } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';

/** An initiative's whole board for staff: hidden and merged ideas included. */
export async function listIdeas(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{ initiative: Initiative; ideas: IdeaView[]; canModerate: boolean; canContribute: boolean }> {
  authorize(actor, ideaRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const ideas = await ideaViews(
    db,
    actor.organizationId,
    await listIdeaRows(db, actor.organizationId, initiative.id),
  );
  return {
    initiative,
    ideas,
    canModerate: can(actor, ideaRules.moderate),
    canContribute: can(actor, ideaRules.contribute),
  };
}

/**
 * The board as the public sees it: visible ideas that were not merged away, plus the reader's own
 * hidden ones (with the moderator's reason), most supported first.
 */
export async function getIdeaBoard(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
): Promise<{ initiative: Initiative; ideas: IdeaView[]; mine: Set<string> }> {
  const initiative = await getPublicInitiative(db, organizationId, initiativeSlug);
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  const rows = await listIdeaRows(db, organizationId, initiative.id);
  const isMine = (a: { author: { kind: string; id?: string } }) =>
    !!participant && a.author.kind === 'participant' && a.author.id === participant.id;
  const shown = rows
    .filter((i) => i.mergedIntoId === null && (i.hiddenReason === null || isMine(i)))
    .sort((a, b) => b.supportCount - a.supportCount);
  return {
    initiative,
    ideas: await ideaViews(db, organizationId, shown),
    mine: new Set(shown.filter(isMine).map((i) => i.id)),
  };
}
