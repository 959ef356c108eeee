import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { reviewsOfInputs } from './decisions.repository.js';
import type { Decision, DecisionLink } from './decisions.table.js';
import { inputKey, lookUpInputs } from './input-lookup.js';
import type { InputItem } from './input-source.js';
import { getDecision } from './list-decisions.js';

/** A link of a decision with the input behind it (null when the input is gone) and its review mark. */
export interface LinkedInput {
  link: DecisionLink;
  input: InputItem | null;
  reviewedAt: string | null;
}

/** One decision with each linked input read through its module's source, for staff pages and the API. */
export async function showDecision(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  decisionId: string,
): Promise<{ initiative: Initiative; decision: Decision; linked: LinkedInput[]; canManage: boolean }> {
  const found = await getDecision(db, actor, initiativeId, decisionId);
  const org = actor!.organizationId;
  const inputs = await lookUpInputs(db, org, found.links);
  const reviews: Record<string, string> = {};
  for (const kind of new Set(found.links.map((l) => l.inputKind))) {
    const ids = found.links.filter((l) => l.inputKind === kind).map((l) => l.inputId);
    for (const [id, at] of Object.entries(await reviewsOfInputs(db, org, kind, ids)))
      reviews[inputKey(kind, id)] = at;
  }
  return {
    initiative: found.initiative,
    decision: found.decision,
    canManage: found.canManage,
    linked: found.links.map((link) => ({
      link,
      input: inputs.get(inputKey(link.inputKind, link.inputId)) ?? null,
      reviewedAt: reviews[inputKey(link.inputKind, link.inputId)] ?? null,
    })),
  };
}
