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
