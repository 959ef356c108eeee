import type { Db } from '../../db/database.js';
import type { DecisionStatus, InputKind } from './decisions.table.js';

// The facts the rest of the feedback loop (influence metrics, "you said, we did", telling
// contributors, My participation) reads about links and reviews, without touching the tables.

/** One link of a decision, with the decision's status and when its contributor was told. */
export interface LinkFact {
  linkId: string;
  decisionId: string;
  initiativeId: string;
  decisionStatus: DecisionStatus;
  /** When the decision was last changed (a contributor told before that has news again). */
  decisionUpdatedAt: string;
  inputKind: InputKind;
  inputId: string;
  participantId: string | null;
  linkedAt: string;
  toldAt: string | null;
}

/** An input staff marked as reviewed. */
export interface ReviewFact {
  inputKind: InputKind;
  inputId: string;
  reviewedAt: string;
}

function linkFacts(db: Db, organizationId: string) {
  return db
    .selectFrom('decision_links')
    .innerJoin('decisions', 'decisions.id', 'decision_links.decision_id')
    .select([
      'decision_links.id as linkId',
      'decision_links.decision_id as decisionId',
      'decisions.initiative_id as initiativeId',
      'decisions.status as decisionStatus',
      'decisions.updated_at as decisionUpdatedAt',
      'decision_links.input_kind as inputKind',
      'decision_links.input_id as inputId',
      'decision_links.participant_id as participantId',
      'decision_links.linked_at as linkedAt',
      'decision_links.told_at as toldAt',
    ])
    .where('decision_links.organization_id', '=', organizationId)
    .orderBy('decision_links.linked_at')
    .orderBy('decision_links.id');
}

/** Every link of an initiative's decisions, oldest first (all initiatives when `initiativeId` is null). */
export async function listLinkFacts(
  db: Db,
  organizationId: string,
  initiativeId: string | null,
): Promise<LinkFact[]> {
  let q = linkFacts(db, organizationId);
  if (initiativeId !== null) q = q.where('decisions.initiative_id', '=', initiativeId);
  return (await q.execute()) as LinkFact[];
}

/** Every link to one participant's inputs in the organization, oldest first. */
export async function listLinkFactsOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<LinkFact[]> {
  return (await linkFacts(db, organizationId)
    .where('decision_links.participant_id', '=', participantId)
    .execute()) as LinkFact[];
}

/** Marks links as told to their contributor at `at` (only those not told since). */
export async function markLinksTold(
  db: Db,
  organizationId: string,
  linkIds: readonly string[],
  at: string,
): Promise<void> {
  if (linkIds.length === 0) return;
  await db
    .updateTable('decision_links')
    .set({ told_at: at })
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...linkIds])
    .execute();
}

/** The inputs of an initiative that staff marked as reviewed (all initiatives when `initiativeId` is null). */
export async function listReviewFacts(
  db: Db,
  organizationId: string,
  initiativeId: string | null,
): Promise<ReviewFact[]> {
  let q = db
    .selectFrom('input_reviews')
    .select(['input_kind as inputKind', 'input_id as inputId', 'reviewed_at as reviewedAt'])
    .where('organization_id', '=', organizationId);
  if (initiativeId !== null) q = q.where('initiative_id', '=', initiativeId);
  return (await q.orderBy('reviewed_at').orderBy('id').execute()) as ReviewFact[];
}
