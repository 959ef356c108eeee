import type { Db } from '../../db/database.js';
import { newId } from '../../platform/clock.js';
import { toComment, toIdea, type Idea, type IdeaComment, type IdeasTable } from './ideas.table.js';

// The only place the idea board's SQL lives. Every query is scoped by organization_id.

/** Who writes or supports: a participant or a staff member. */
export type Writer = { participantId: string } | { staffId: string };

const authorColumns = (w: Writer) =>
  'participantId' in w
    ? { participant_id: w.participantId, staff_id: null }
    : { participant_id: null, staff_id: w.staffId };

/** The key that allows one support per person. */
export const supporterKey = (w: Writer): string =>
  'participantId' in w ? `p:${w.participantId}` : `s:${w.staffId}`;

/** Stores a new idea and returns its id. */
export async function insertIdea(
  db: Db,
  organizationId: string,
  initiativeId: string,
  fields: Pick<IdeasTable, 'title' | 'description' | 'problem'>,
  writer: Writer,
  now: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('ideas')
    .values({
      id,
      organization_id: organizationId,
      initiative_id: initiativeId,
      ...fields,
      ...authorColumns(writer),
      status: 'new',
      status_reason: '',
      merged_into_id: null,
      hidden_reason: null,
      hidden_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Stores an idea's image. */
export async function insertImage(
  db: Db,
  organizationId: string,
  ideaId: string,
  image: { contentType: string; alt: string; base64: string },
): Promise<void> {
  await db
    .insertInto('idea_images')
    .values({
      idea_id: ideaId,
      organization_id: organizationId,
      content_type: image.contentType,
      alt: image.alt,
      data: image.base64,
    })
    .execute();
}

/** An idea's image, or undefined. */
export async function findImage(db: Db, organizationId: string, ideaId: string) {
  return db
    .selectFrom('idea_images')
    .select(['content_type', 'alt', 'data'])
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', ideaId)
    .executeTakeFirst();
}

async function withCounts(db: Db, organizationId: string, rows: IdeasTable[]): Promise<Idea[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const supports = new Map<string, number>();
  const comments = new Map<string, number>();
  const images = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const s = await db
      .selectFrom('idea_supports')
      .select('idea_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organization_id', '=', organizationId)
      .where('idea_id', 'in', chunk)
      .groupBy('idea_id')
      .execute();
    for (const r of s) supports.set(r.idea_id, Number(r.n));
    // Hidden comments are not counted: the count is what readers can see.
    const c = await db
      .selectFrom('idea_comments')
      .select('idea_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organization_id', '=', organizationId)
      .where('idea_id', 'in', chunk)
      .where('hidden_reason', 'is', null)
      .groupBy('idea_id')
      .execute();
    for (const r of c) comments.set(r.idea_id, Number(r.n));
    const im = await db
      .selectFrom('idea_images')
      .select(['idea_id', 'alt'])
      .where('organization_id', '=', organizationId)
      .where('idea_id', 'in', chunk)
      .execute();
    for (const r of im) images.set(r.idea_id, r.alt);
  }
  return rows.map((row) =>
    toIdea(row, {
      supports: supports.get(row.id) ?? 0,
      comments: comments.get(row.id) ?? 0,
      imageAlt: images.get(row.id) ?? null,
    }),
  );
}

/** One idea of an initiative, or undefined (also for another organization's or initiative's). */
export async function findIdea(
  db: Db,
  organizationId: string,
  initiativeId: string,
  id: string,
): Promise<Idea | undefined> {
  const row = await db
    .selectFrom('ideas')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (await withCounts(db, organizationId, [row]))[0] : undefined;
}

/** One idea of the organization in whatever initiative, or undefined. */
export async function findIdeaInOrganization(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Idea | undefined> {
  const row = await db
    .selectFrom('ideas')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (await withCounts(db, organizationId, [row]))[0] : undefined;
}

/** An initiative's ideas, newest first, with their counts. */
export async function listIdeaRows(db: Db, organizationId: string, initiativeId: string): Promise<Idea[]> {
  const rows = await db
    .selectFrom('ideas')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return withCounts(db, organizationId, rows);
}

/** An idea's comments, oldest first. */
export async function listComments(db: Db, organizationId: string, ideaId: string): Promise<IdeaComment[]> {
  const rows = await db
    .selectFrom('idea_comments')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', ideaId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toComment);
}

/** Stores a comment and returns its id. */
export async function insertComment(
  db: Db,
  organizationId: string,
  ideaId: string,
  body: string,
  writer: Writer,
  now: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('idea_comments')
    .values({
      id,
      organization_id: organizationId,
      idea_id: ideaId,
      body,
      ...authorColumns(writer),
      hidden_reason: null,
      created_at: now,
    })
    .execute();
  return id;
}

/** Stores a support unless this person already supports the idea; returns whether it was stored. */
export async function insertSupport(
  db: Db,
  organizationId: string,
  ideaId: string,
  writer: Writer,
  now: string,
): Promise<boolean> {
  // The unique index decides, so two simultaneous clicks cannot both count.
  const result = await db
    .insertInto('idea_supports')
    .values({
      id: newId(),
      organization_id: organizationId,
      idea_id: ideaId,
      supporter: supporterKey(writer),
      participant_id: 'participantId' in writer ? writer.participantId : null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['idea_id', 'supporter']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether this person supports the idea. */
export async function hasSupport(db: Db, organizationId: string, ideaId: string, writer: Writer) {
  const row = await db
    .selectFrom('idea_supports')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', ideaId)
    .where('supporter', '=', supporterKey(writer))
    .executeTakeFirst();
  return !!row;
}

/** Changes an idea's status and its public reason. */
export async function updateStatus(
  db: Db,
  organizationId: string,
  id: string,
  status: string,
  reason: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('ideas')
    .set({ status, status_reason: reason, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Hides an idea with a reason (null shows it again). */
export async function setIdeaHidden(
  db: Db,
  organizationId: string,
  id: string,
  reason: string | null,
  now: string,
): Promise<void> {
  await db
    .updateTable('ideas')
    .set({ hidden_reason: reason, hidden_at: reason === null ? null : now, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Hides a comment of an idea with a reason; returns whether the comment was found. */
export async function setCommentHidden(
  db: Db,
  organizationId: string,
  ideaId: string,
  commentId: string,
  reason: string,
): Promise<boolean> {
  const result = await db
    .updateTable('idea_comments')
    .set({ hidden_reason: reason })
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', ideaId)
    .where('id', '=', commentId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Moves a duplicate's comments and supports to the kept idea (a person supporting both counts
 * once) and points the duplicate, and whatever was merged into it before, at the kept idea.
 */
export async function mergeIdeaRows(
  db: Db,
  organizationId: string,
  duplicateId: string,
  keptId: string,
  now: string,
): Promise<{ comments: number; supports: number }> {
  const moved = await db
    .updateTable('idea_comments')
    .set({ idea_id: keptId })
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', duplicateId)
    .executeTakeFirst();
  const kept = await db
    .selectFrom('idea_supports')
    .select('supporter')
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', keptId)
    .execute();
  const already = new Set(kept.map((k) => k.supporter));
  const supports = await db
    .selectFrom('idea_supports')
    .select(['id', 'supporter'])
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', duplicateId)
    .execute();
  const twice = supports.filter((s) => already.has(s.supporter)).map((s) => s.id);
  for (let i = 0; i < twice.length; i += 500)
    await db
      .deleteFrom('idea_supports')
      .where('organization_id', '=', organizationId)
      .where('id', 'in', twice.slice(i, i + 500))
      .execute();
  await db
    .updateTable('idea_supports')
    .set({ idea_id: keptId })
    .where('organization_id', '=', organizationId)
    .where('idea_id', '=', duplicateId)
    .execute();
  await db
    .updateTable('ideas')
    .set({ merged_into_id: keptId, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('id', '=', duplicateId), eb('merged_into_id', '=', duplicateId)]))
    .execute();
  return { comments: Number(moved.numUpdatedRows), supports: supports.length - twice.length };
}

/** A participant's ideas, comments and supports in an organization. */
export async function listContributionsOfParticipant(db: Db, organizationId: string, participantId: string) {
  const ideas = await db
    .selectFrom('ideas')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .orderBy('created_at')
    .execute();
  const comments = await db
    .selectFrom('idea_comments')
    .innerJoin('ideas', 'ideas.id', 'idea_comments.idea_id')
    .select([
      'idea_comments.id',
      'idea_comments.body',
      'idea_comments.created_at',
      'idea_comments.hidden_reason',
      'ideas.id as idea_id',
      'ideas.title as idea_title',
      'ideas.initiative_id',
    ])
    .where('idea_comments.organization_id', '=', organizationId)
    .where('idea_comments.participant_id', '=', participantId)
    .orderBy('idea_comments.created_at')
    .execute();
  const supports = await db
    .selectFrom('idea_supports')
    .innerJoin('ideas', 'ideas.id', 'idea_supports.idea_id')
    .select([
      'idea_supports.created_at',
      'ideas.id as idea_id',
      'ideas.title as idea_title',
      'ideas.initiative_id',
    ])
    .where('idea_supports.organization_id', '=', organizationId)
    .where('idea_supports.participant_id', '=', participantId)
    .orderBy('idea_supports.created_at')
    .execute();
  return { ideas, comments, supports };
}

/**
 * Unlinks a participant from their ideas, comments and supports: the texts stay as anonymous
 * input and supports still count, but nothing leads back to them. Returns how many rows changed.
 */
export async function unlinkParticipantContributions(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<number> {
  const ideas = await db
    .updateTable('ideas')
    .set({ participant_id: null })
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  const comments = await db
    .updateTable('idea_comments')
    .set({ participant_id: null })
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  const supports = await db
    .selectFrom('idea_supports')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
  for (const s of supports)
    await db
      .updateTable('idea_supports')
      .set({ participant_id: null, supporter: `x:${s.id}` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', s.id)
      .execute();
  return Number(ideas.numUpdatedRows) + Number(comments.numUpdatedRows) + supports.length;
}
