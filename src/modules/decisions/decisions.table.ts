// Decisions in an initiative, each traced to the inputs that shaped it.

import type { InputKind } from './input-source.js';
export { inputKinds, type InputKind } from './input-source.js';

/** One decision. */
export interface DecisionsTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  title: string;
  rationale: string;
  decided_by: string;
  decided_on: string;
  status: string;
  not_adopted_reason: string;
  topic: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One input linked to a decision; knows its contributor so they can be told later. */
export interface DecisionLinksTable {
  id: string;
  organization_id: string;
  decision_id: string;
  input_kind: string;
  input_id: string;
  participant_id: string | null;
  linked_by: string | null;
  linked_at: string;
  /** When the contributor was told about this link (mail or their own page); null until then. */
  told_at: string | null;
}

/** An input staff marked as reviewed (read and considered), whether or not it shaped a decision. */
export interface InputReviewsTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  input_kind: string;
  input_id: string;
  reviewed_by: string | null;
  reviewed_at: string;
}

/** Who decided. */
export const deciders = ['staff', 'management', 'board', 'council'] as const;
/** Where a decision stands; `not_adopted` needs a public reason. */
export const statuses = ['under_consideration', 'adopted', 'in_pilot', 'implemented', 'not_adopted'] as const;
export type DecisionStatus = (typeof statuses)[number];

/** A decision as pages and the API show it. */
export interface Decision {
  id: string;
  initiativeId: string;
  title: string;
  rationale: string;
  decidedBy: string;
  decidedOn: string;
  status: DecisionStatus;
  notAdoptedReason: string;
  topic: string;
  createdAt: string;
}

/** An input linked to a decision. */
export interface DecisionLink {
  id: string;
  decisionId: string;
  inputKind: InputKind;
  inputId: string;
  linkedAt: string;
}

/** Maps a row to the domain shape. */
export function toDecision(r: DecisionsTable): Decision {
  return {
    id: r.id,
    initiativeId: r.initiative_id,
    title: r.title,
    rationale: r.rationale,
    decidedBy: r.decided_by,
    decidedOn: r.decided_on,
    status: r.status as DecisionStatus,
    notAdoptedReason: r.not_adopted_reason,
    topic: r.topic,
    createdAt: r.created_at,
  };
}

/** Maps a link row to the domain shape. */
export function toDecisionLink(r: DecisionLinksTable): DecisionLink {
  return {
    id: r.id,
    decisionId: r.decision_id,
    inputKind: r.input_kind as InputKind,
    inputId: r.input_id,
    linkedAt: r.linked_at,
  };
}
