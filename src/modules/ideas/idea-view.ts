import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { pseudonymsOf } from '../participants/pseudonyms-of.js';
import type { Author, Idea, IdeaComment } from './ideas.table.js';

// The shape pages and the API see of ideas and comments: authors by pseudonym (participants) or
// as staff, never by contact details.

const AuthorView = Type.Object({
  kind: Type.Union([Type.Literal('participant'), Type.Literal('staff'), Type.Literal('erased')]),
  pseudonym: Type.String({ description: 'the participant’s pseudonym; empty for staff and erased authors' }),
});

/** An idea as shown. */
export const IdeaView = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  title: Type.String(),
  description: Type.String(),
  problem: Type.String(),
  author: AuthorView,
  status: Type.String(),
  statusReason: Type.String(),
  mergedIntoId: Type.Union([Type.String(), Type.Null()]),
  hiddenReason: Type.Union([Type.String(), Type.Null()]),
  hasImage: Type.Boolean(),
  imageAlt: Type.String({ description: 'what the image shows' }),
  supportCount: Type.Integer(),
  commentCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type IdeaView = Static<typeof IdeaView>;

/** A comment as shown. */
export const CommentView = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author: AuthorView,
  hiddenReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type CommentView = Static<typeof CommentView>;

/** Pseudonyms of the participants who wrote the given ideas and comments. */
export async function authorNames(
  db: Db,
  organizationId: string,
  items: { author: Author }[],
): Promise<Map<string, string>> {
  const ids = items.flatMap((i) => (i.author.kind === 'participant' ? [i.author.id] : []));
  return pseudonymsOf(db, organizationId, ids);
}

function authorView(author: Author, names: Map<string, string>): Static<typeof AuthorView> {
  return author.kind === 'participant'
    ? { kind: 'participant', pseudonym: names.get(author.id) ?? '' }
    : { kind: author.kind, pseudonym: '' };
}

/** An idea as shown, with its author's pseudonym. */
export function toIdeaView(idea: Idea, names: Map<string, string>): IdeaView {
  return {
    id: idea.id,
    initiativeId: idea.initiativeId,
    title: idea.title,
    description: idea.description,
    problem: idea.problem,
    author: authorView(idea.author, names),
    status: idea.status,
    statusReason: idea.statusReason,
    mergedIntoId: idea.mergedIntoId,
    hiddenReason: idea.hiddenReason,
    hasImage: idea.hasImage,
    imageAlt: idea.imageAlt,
    supportCount: idea.supportCount,
    commentCount: idea.commentCount,
    createdAt: idea.createdAt,
    updatedAt: idea.updatedAt,
  };
}

/** A comment as shown, with its author's pseudonym. */
export function toCommentView(comment: IdeaComment, names: Map<string, string>): CommentView {
  return {
    id: comment.id,
    body: comment.body,
    author: authorView(comment.author, names),
    hiddenReason: comment.hiddenReason,
    createdAt: comment.createdAt,
  };
}

/** Views of ideas with their authors' pseudonyms looked up at once. */
export async function ideaViews(db: Db, organizationId: string, ideas: Idea[]): Promise<IdeaView[]> {
  const names = await authorNames(db, organizationId, ideas);
  return ideas.map((i) => toIdeaView(i, names));
}

/** Views of comments with their authors' pseudonyms looked up at once. */
export async function commentViews(
  db: Db,
  organizationId: string,
  comments: IdeaComment[],
): Promise<CommentView[]> {
  const names = await authorNames(db, organizationId, comments);
  return comments.map((c) => toCommentView(c, names));
}
