import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getPublicInitiative } from '../initiatives/public-initiatives.js';
import { findCurrentParticipant } from '../participants/find-current-participant.js';
import { loadIdea } from './idea-access.js';
import { commentViews, ideaViews, type CommentView, type IdeaView } from './idea-view.js';
import { findIdea, findImage, hasSupport, listComments, listIdeaRows } from './ideas.repository.js';
import { ideaRules } from './ideas.policy.js';
import type { Author } from './ideas.table.js';

/** One idea for staff, with every comment (hidden ones too) and the ideas it could be merged into. */
export async function getIdea(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ideaId: string,
): Promise<{
  initiative: Initiative;
  idea: IdeaView;
  comments: CommentView[];
  mergeTargets: { id: string; title: string }[];
  canModerate: boolean;
  canContribute: boolean;
}> {
  authorize(actor, ideaRules.view);
  const { initiative, idea } = await loadIdea(db, actor, initiativeId, ideaId);
  const [view] = await ideaViews(db, actor.organizationId, [idea]);
  const comments = await commentViews(
    db,
    actor.organizationId,
    await listComments(db, actor.organizationId, idea.id),
  );
  const others = await listIdeaRows(db, actor.organizationId, initiative.id);
  return {
    initiative,
    idea: view!,
    comments,
    mergeTargets: others
      .filter((o) => o.id !== idea.id && o.mergedIntoId === null)
      .map((o) => ({ id: o.id, title: o.title })),
    canModerate: can(actor, ideaRules.moderate),
    canContribute: can(actor, ideaRules.contribute),
  };
}

const by = (author: Author, participantId: string | undefined) =>
  !!participantId && author.kind === 'participant' && author.id === participantId;

/**
 * One idea as the public sees it, with its visible comments (and the reader's own hidden ones).
 * A hidden idea is found only by its author; a merged one names the idea it now lives in.
 */
export async function getPublicIdea(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  ideaId: string,
  participantId: string | undefined,
): Promise<{
  initiative: Initiative;
  idea: IdeaView;
  comments: CommentView[];
  mine: boolean;
  supported: boolean;
  mergedInto: { id: string; title: string } | undefined;
}> {
  const initiative = await getPublicInitiative(db, organizationId, initiativeSlug);
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  const idea = await findIdea(db, organizationId, initiative.id, ideaId);
  const mine = !!idea && by(idea.author, participant?.id);
  if (!idea || (idea.hiddenReason !== null && !mine)) throw notFound();
  const [view] = await ideaViews(db, organizationId, [idea]);
  const all = await listComments(db, organizationId, idea.id);
  const comments = await commentViews(
    db,
    organizationId,
    all.filter((c) => c.hiddenReason === null || by(c.author, participant?.id)),
  );
  const kept = idea.mergedIntoId
    ? await findIdea(db, organizationId, initiative.id, idea.mergedIntoId)
    : undefined;
  return {
    initiative,
    idea: view!,
    comments,
    mine,
    supported:
      !!participant && (await hasSupport(db, organizationId, idea.id, { participantId: participant.id })),
    mergedInto: kept ? { id: kept.id, title: kept.title } : undefined,
  };
}

/** An idea's image for whoever may see the idea (the public page's rules), or not found. */
export async function getPublicIdeaImage(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  ideaId: string,
  participantId: string | undefined,
): Promise<{ contentType: string; bytes: Buffer }> {
  const { idea } = await getPublicIdea(db, organizationId, initiativeSlug, ideaId, participantId);
  const image = await findImage(db, organizationId, idea.id);
  if (!image) throw notFound();
  return { contentType: image.content_type, bytes: Buffer.from(image.data, 'base64') };
}

/** An idea's image for staff, or not found. */
export async function getIdeaImage(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  ideaId: string,
): Promise<{ contentType: string; bytes: Buffer }> {
  authorize(actor, ideaRules.view);
  const { idea } = await loadIdea(db, actor, initiativeId, ideaId);
  const image = await findImage(db, actor.organizationId, idea.id);
  if (!image) throw notFound();
  return { contentType: image.content_type, bytes: Buffer.from(image.data, 'base64') };
}
