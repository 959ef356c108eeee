import type { Db } from '../../db/database.js';
import { listDecisionRows } from './decisions.repository.js';
import type { Decision, InputKind } from './decisions.table.js';
import { listLinkFacts } from './loop-facts.js';

/** One input linked to a decision, as a public summary needs it: what kind, which, and whose. */
export interface PublicDecisionLink {
  inputKind: InputKind;
  inputId: string;
  /** The contributor; null for anonymous or staff input and after the contributor erased their data. */
  participantId: string | null;
}

/** A decision with its links, for "you said, we did". */
export interface PublicDecision extends Decision {
  links: PublicDecisionLink[];
}

/**
 * The decisions of these initiatives with the inputs linked to each (oldest link first), newest
 * decision first per initiative. Not authorized here: the caller decides the initiatives may be
 * shown publicly (or that the staff actor may read them) and passes only those.
 */
export async function listPublicDecisions(
  db: Db,
  organizationId: string,
  initiativeIds: readonly string[],
): Promise<PublicDecision[]> {
  const result: PublicDecision[] = [];
  for (const initiativeId of initiativeIds) {
    const decisions = await listDecisionRows(db, organizationId, initiativeId);
    if (decisions.length === 0) continue;
    const links = new Map<string, PublicDecisionLink[]>();
    for (const fact of await listLinkFacts(db, organizationId, initiativeId)) {
      const list = links.get(fact.decisionId) ?? [];
      list.push({ inputKind: fact.inputKind, inputId: fact.inputId, participantId: fact.participantId });
      links.set(fact.decisionId, list);
    }
    for (const decision of decisions) result.push({ ...decision, links: links.get(decision.id) ?? [] });
  }
  return result;
}
