import type { Db } from '../../db/database.js';

// The contract between decisions (and everything that closes the loop: "you said, we did", telling
// contributors, influence metrics, engagement segments) and the modules that hold input. Each
// input-holding module implements one source in its own folder (e.g. `ideas/idea-input-source.ts`)
// with its own repository, so no module reads another's tables. Sources are internal: the calling
// use case authorizes the actor; every function is scoped by organization.

/** Every kind of input a decision can be traced to. */
export const inputKinds = [
  'idea',
  'survey_response',
  'interview',
  'prototype_feedback',
  'experiment',
  'conversation_statement',
  'opinion_group',
] as const;
export type InputKind = (typeof inputKinds)[number];

/** One piece of input, the same shape whatever module holds it. */
export interface InputItem {
  kind: InputKind;
  /** The input's id in its own module (unique within the kind). */
  id: string;
  initiativeId: string;
  /** The participant who contributed it; null for staff or anonymous input and after erasure. */
  participantId: string | null;
  /** When it was contributed (ISO 8601). */
  createdAt: string;
  /** A short label for lists (an idea's title, "Response of 3 May", a statement's text). */
  label: string;
  /** The contributor's own words that could be quoted ('' when there are none). */
  text: string;
  /** The staff page that shows it (e.g. `/staff/initiatives/<id>/ideas/<ideaId>`), '' when there is none. */
  href: string;
}

/** What every input-holding module provides. */
export interface InputSource {
  kind: InputKind;
  /** Inputs of an initiative whose label or text contains the query (case-insensitive; all when ''), newest first, at most `limit`. */
  search(
    db: Db,
    organizationId: string,
    initiativeId: string,
    query: string,
    limit: number,
  ): Promise<InputItem[]>;
  /** The inputs with these ids in the organization; unknown ids are left out. */
  byIds(db: Db, organizationId: string, ids: readonly string[]): Promise<InputItem[]>;
  /** How many inputs of this kind an initiative holds, and the distinct participants who contributed them. */
  census(
    db: Db,
    organizationId: string,
    initiativeId: string,
  ): Promise<{ inputs: number; contributors: string[] }>;
  /** Everything of this kind one participant contributed in the organization, oldest first. */
  ofParticipant(db: Db, organizationId: string, participantId: string): Promise<InputItem[]>;
  /** Each participant's latest activity of this kind in the organization (votes and supports count as activity too). */
  lastActivity(db: Db, organizationId: string): Promise<{ participantId: string; at: string }[]>;
}

/**
 * Each participant's latest time among activity rows (e.g. the union of one source's activity
 * queries, each grouped by participant); rows without a participant are left out.
 */
export function latestPerParticipant(
  rows: readonly { participant_id: string | null; at: unknown }[],
): { participantId: string; at: string }[] {
  const latest = new Map<string, string>();
  for (const r of rows) {
    if (r.participant_id === null) continue;
    const at = String(r.at);
    const known = latest.get(r.participant_id);
    if (known === undefined || known < at) latest.set(r.participant_id, at);
  }
  return [...latest].map(([participantId, at]) => ({ participantId, at }));
}
