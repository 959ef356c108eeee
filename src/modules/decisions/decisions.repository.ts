import type { Db } from '../../db/database.js';
import { newId } from '../../platform/clock.js';
import {
  toDecision,
  toDecisionLink,
  type Decision,
  type DecisionLink,
  type DecisionsTable,
} from './decisions.table.js';

// The only place the decisions capability's SQL lives. Every query is scoped by organization_id.

/** The editable fields of a decision. */
export type DecisionFields = Pick<
  DecisionsTable,
  'title' | 'rationale' | 'decided_by' | 'decided_on' | 'status' | 'not_adopted_reason' | 'topic'
>;

/** Stores a new decision and returns its id. */
export async function insertDecision(
  db: Db,
  organizationId: string,
  initiativeId: string,
  fields: DecisionFields,
  createdBy: string,
  now: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('decisions')
    .values({
      id,
      organization_id: organizationId,
      initiative_id: initiativeId,
      ...fields,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Overwrites a decision's editable fields. */
export async function updateDecisionRow(
  db: Db,
  organizationId: string,
  id: string,
  fields: DecisionFields,
  now: string,
): Promise<void> {
  await db
    .updateTable('decisions')
    .set({ ...fields, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** One decision of an initiative, or undefined. */
export async function findDecision(
  db: Db,
  organizationId: string,
  initiativeId: string,
  id: string,
): Promise<Decision | undefined> {
  const row = await db
    .selectFrom('decisions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toDecision(row) : undefined;
}

/** An initiative's decisions, newest first. */
export async function listDecisionRows(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<Decision[]> {
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('decided_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toDecision);
}

/** The inputs linked to a decision, oldest link first. */
export async function listLinkRows(
  db: Db,
  organizationId: string,
  decisionId: string,
): Promise<DecisionLink[]> {
  const rows = await db
    .selectFrom('decision_links')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('decision_id', '=', decisionId)
    .orderBy('linked_at')
    .orderBy('id')
    .execute();
  return rows.map(toDecisionLink);
}

/** Whether the input is already linked to the decision. */
export async function linkExists(
  db: Db,
  organizationId: string,
  decisionId: string,
  inputKind: string,
  inputId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('decision_links')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('decision_id', '=', decisionId)
    .where('input_kind', '=', inputKind)
    .where('input_id', '=', inputId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a link and returns its id. */
export async function insertLink(
  db: Db,
  organizationId: string,
  link: { decisionId: string; inputKind: string; inputId: string; participantId: string | null },
  linkedBy: string,
  now: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('decision_links')
    .values({
      id,
      organization_id: organizationId,
      decision_id: link.decisionId,
      input_kind: link.inputKind,
      input_id: link.inputId,
      participant_id: link.participantId,
      linked_by: linkedBy,
      linked_at: now,
      told_at: null,
    })
    .execute();
  return id;
}

/** Removes one link of a decision; returns whether there was one. */
export async function deleteLink(
  db: Db,
  organizationId: string,
  decisionId: string,
  linkId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('decision_links')
    .where('organization_id', '=', organizationId)
    .where('decision_id', '=', decisionId)
    .where('id', '=', linkId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Forgets which participant contributed linked inputs (erasure); returns how many links changed. */
export async function unlinkParticipantFromLinks(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<number> {
  const result = await db
    .updateTable('decision_links')
    .set({ participant_id: null })
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many inputs each of an initiative's decisions links, by decision id (decisions without links left out). */
export async function countLinksByDecision(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('decision_links')
    .innerJoin('decisions', 'decisions.id', 'decision_links.decision_id')
    .select(['decision_links.decision_id as decisionId', db.fn.countAll().as('n')])
    .where('decision_links.organization_id', '=', organizationId)
    .where('decisions.initiative_id', '=', initiativeId)
    .groupBy('decision_links.decision_id')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.decisionId, Number(r.n)]));
}

/** The links of an initiative's decisions to these inputs of one kind, with each decision's title. */
export async function linksOfInputs(
  db: Db,
  organizationId: string,
  initiativeId: string,
  inputKind: string,
  inputIds: readonly string[],
): Promise<{ linkId: string; decisionId: string; title: string; inputId: string }[]> {
  if (inputIds.length === 0) return [];
  return db
    .selectFrom('decision_links')
    .innerJoin('decisions', 'decisions.id', 'decision_links.decision_id')
    .select([
      'decision_links.id as linkId',
      'decision_links.decision_id as decisionId',
      'decisions.title as title',
      'decision_links.input_id as inputId',
    ])
    .where('decision_links.organization_id', '=', organizationId)
    .where('decisions.initiative_id', '=', initiativeId)
    .where('decision_links.input_kind', '=', inputKind)
    .where('decision_links.input_id', 'in', [...inputIds])
    .orderBy('decisions.decided_on', 'desc')
    .orderBy('decision_links.id')
    .execute();
}

/** Records that staff reviewed an input; a second mark keeps the first (one row per input). Returns whether it was new. */
export async function insertReview(
  db: Db,
  organizationId: string,
  review: { initiativeId: string; inputKind: string; inputId: string },
  reviewedBy: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('input_reviews')
    .values({
      id: newId(),
      organization_id: organizationId,
      initiative_id: review.initiativeId,
      input_kind: review.inputKind,
      input_id: review.inputId,
      reviewed_by: reviewedBy,
      reviewed_at: now,
    })
    .onConflict((oc) => oc.columns(['organization_id', 'input_kind', 'input_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes the review mark of an input; returns whether there was one. */
export async function deleteReview(
  db: Db,
  organizationId: string,
  inputKind: string,
  inputId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('input_reviews')
    .where('organization_id', '=', organizationId)
    .where('input_kind', '=', inputKind)
    .where('input_id', '=', inputId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** When each of these inputs of one kind was marked reviewed, by input id (unreviewed left out). */
export async function reviewsOfInputs(
  db: Db,
  organizationId: string,
  inputKind: string,
  inputIds: readonly string[],
): Promise<Record<string, string>> {
  if (inputIds.length === 0) return {};
  const rows = await db
    .selectFrom('input_reviews')
    .select(['input_id', 'reviewed_at'])
    .where('organization_id', '=', organizationId)
    .where('input_kind', '=', inputKind)
    .where('input_id', 'in', [...inputIds])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.input_id, r.reviewed_at]));
}
