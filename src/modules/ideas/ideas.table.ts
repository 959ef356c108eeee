// The idea board's tables and their mapping to the domain. An idea has one author (a participant or
// a staff member), a status that staff move along, and may be merged into another idea of the same
// initiative or hidden by a moderator; comments and supports hang off it.

/** One idea on an initiative's board. */
export interface IdeasTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  title: string;
  description: string;
  problem: string;
  participant_id: string | null;
  staff_id: string | null;
  status: string;
  status_reason: string;
  merged_into_id: string | null;
  hidden_reason: string | null;
  hidden_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An idea's image, base64 encoded. */
export interface IdeaImagesTable {
  idea_id: string;
  organization_id: string;
  content_type: string;
  alt: string;
  data: string;
}

/** A comment on an idea. */
export interface IdeaCommentsTable {
  id: string;
  organization_id: string;
  idea_id: string;
  body: string;
  participant_id: string | null;
  staff_id: string | null;
  hidden_reason: string | null;
  created_at: string;
}

/** One support of an idea; `supporter` is `p:<participant>`, `s:<staff>` or `x:<id>` once erased. */
export interface IdeaSupportsTable {
  id: string;
  organization_id: string;
  idea_id: string;
  supporter: string;
  participant_id: string | null;
  created_at: string;
}

/** The statuses staff move an idea through. */
export const ideaStatuses = [
  'new',
  'under_review',
  'in_sprint',
  'in_pilot',
  'adopted',
  'not_adopted',
] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

/** Who wrote something: a participant (by pseudonym), a staff member, or someone who erased their data. */
export type Author = { kind: 'participant'; id: string } | { kind: 'staff'; id: string } | { kind: 'erased' };

/** An idea as the domain sees it. */
export interface Idea {
  id: string;
  organizationId: string;
  initiativeId: string;
  title: string;
  description: string;
  problem: string;
  author: Author;
  status: IdeaStatus;
  statusReason: string;
  mergedIntoId: string | null;
  hiddenReason: string | null;
  hiddenAt: string | null;
  hasImage: boolean;
  /** What the image shows, as its poster described it ('' when not described). */
  imageAlt: string;
  supportCount: number;
  commentCount: number;
  createdAt: string;
  updatedAt: string;
}

/** A comment as the domain sees it. */
export interface IdeaComment {
  id: string;
  ideaId: string;
  body: string;
  author: Author;
  hiddenReason: string | null;
  createdAt: string;
}

/** The author of a row with a participant and a staff column. */
export function authorOf(row: { participant_id: string | null; staff_id: string | null }): Author {
  if (row.participant_id) return { kind: 'participant', id: row.participant_id };
  if (row.staff_id) return { kind: 'staff', id: row.staff_id };
  return { kind: 'erased' };
}

/** Maps an idea row and its counts to the domain shape. */
export function toIdea(
  row: IdeasTable,
  counts: { supports: number; comments: number; imageAlt: string | null },
): Idea {
  return {
    id: row.id,
    organizationId: row.organization_id,
    initiativeId: row.initiative_id,
    title: row.title,
    description: row.description,
    problem: row.problem,
    author: authorOf(row),
    status: row.status as IdeaStatus,
    statusReason: row.status_reason,
    mergedIntoId: row.merged_into_id,
    hiddenReason: row.hidden_reason,
    hiddenAt: row.hidden_at,
    hasImage: counts.imageAlt !== null,
    imageAlt: counts.imageAlt ?? '',
    supportCount: counts.supports,
    commentCount: counts.comments,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Maps a comment row to the domain shape. */
export function toComment(row: IdeaCommentsTable): IdeaComment {
  return {
    id: row.id,
    ideaId: row.idea_id,
    body: row.body,
    author: authorOf(row),
    hiddenReason: row.hidden_reason,
    createdAt: row.created_at,
  };
}
