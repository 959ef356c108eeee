import type { Db } from '../../db/database.js';
import { listDecisionSummaries } from '../decisions/decision-summaries.js';
import type { DecisionStatus } from '../decisions/decisions.table.js';
import type { InputItem, InputKind } from '../decisions/input-source.js';
import { allInputSources, inputSourceOf } from '../decisions/input-sources.js';
import type { LinkFact } from '../decisions/loop-facts.js';
import { findInitiative } from '../initiatives/initiatives.repository.js';

// What became of a participant's contributions, shared by the digest mail and "My participation".

/** One decision a contribution shaped. */
export interface Outcome {
  linkId: string;
  decisionId: string;
  title: string;
  status: DecisionStatus;
  notAdoptedReason: string;
  /** Not yet told to the contributor, or the decision changed since they were told. */
  news: boolean;
}

/** One contribution and the decisions it shaped (none: not yet considered). */
export interface Contribution {
  kind: InputKind;
  id: string;
  label: string;
  createdAt: string;
  outcomes: Outcome[];
}

/** Contributions grouped by the initiative they were made in. */
export interface InitiativeContributions {
  initiativeId: string;
  title: string;
  slug: string;
  contributions: Contribution[];
}

/** Whether a link holds something the contributor has not been told: new, or its decision changed since. */
export function isNews(fact: LinkFact): boolean {
  return fact.toldAt === null || fact.toldAt < fact.decisionUpdatedAt;
}

/** The inputs behind these links, read through each kind's input source (kinds without a source are left out). */
async function inputsOf(db: Db, organizationId: string, facts: readonly LinkFact[]): Promise<InputItem[]> {
  const idsByKind = new Map<InputKind, Set<string>>();
  for (const f of facts) {
    const ids = idsByKind.get(f.inputKind) ?? new Set<string>();
    ids.add(f.inputId);
    idsByKind.set(f.inputKind, ids);
  }
  const found: InputItem[] = [];
  for (const [kind, ids] of idsByKind) {
    const source = inputSourceOf(kind);
    if (source) found.push(...(await source.byIds(db, organizationId, [...ids])));
  }
  return found;
}

const key = (kind: string, id: string) => `${kind}\u0000${id}`;

/**
 * Groups inputs by initiative, each with the decisions its links lead to. `items` are the inputs to
 * show; links to inputs not among them are ignored.
 */
export async function describeContributions(
  db: Db,
  organizationId: string,
  items: readonly InputItem[],
  facts: readonly LinkFact[],
): Promise<InitiativeContributions[]> {
  const decisions = new Map(
    (
      await listDecisionSummaries(
        db,
        organizationId,
        facts.map((f) => f.decisionId),
      )
    ).map((d) => [d.id, d]),
  );
  const byInput = new Map<string, Outcome[]>();
  for (const f of facts) {
    const d = decisions.get(f.decisionId);
    if (!d) continue;
    const list = byInput.get(key(f.inputKind, f.inputId)) ?? [];
    list.push({
      linkId: f.linkId,
      decisionId: d.id,
      title: d.title,
      status: d.status,
      notAdoptedReason: d.notAdoptedReason,
      news: isNews(f),
    });
    byInput.set(key(f.inputKind, f.inputId), list);
  }
  const groups = new Map<string, InitiativeContributions>();
  for (const item of [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    let group = groups.get(item.initiativeId);
    if (!group) {
      const initiative = await findInitiative(db, organizationId, item.initiativeId);
      group = {
        initiativeId: item.initiativeId,
        title: initiative?.title ?? '',
        slug: initiative?.slug ?? '',
        contributions: [],
      };
      groups.set(item.initiativeId, group);
    }
    group.contributions.push({
      kind: item.kind,
      id: item.id,
      label: item.label,
      createdAt: item.createdAt,
      outcomes: byInput.get(key(item.kind, item.id)) ?? [],
    });
  }
  return [...groups.values()];
}

/** The inputs behind the given links (for the digest, which tells only what is new). */
export async function contributionsOfLinks(
  db: Db,
  organizationId: string,
  facts: readonly LinkFact[],
): Promise<InitiativeContributions[]> {
  return describeContributions(db, organizationId, await inputsOf(db, organizationId, facts), facts);
}

/**
 * Everything a participant contributed in the organization, across every kind of input, plus any
 * linked input a source no longer lists as theirs (so no decision about their input is left out).
 */
export async function contributionsOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
  facts: readonly LinkFact[],
): Promise<InitiativeContributions[]> {
  const items: InputItem[] = [];
  for (const source of allInputSources())
    items.push(...(await source.ofParticipant(db, organizationId, participantId)));
  const listed = new Set(items.map((i) => key(i.kind, i.id)));
  const missing = facts.filter((f) => !listed.has(key(f.inputKind, f.inputId)));
  if (missing.length > 0) items.push(...(await inputsOf(db, organizationId, missing)));
  const seen = new Set<string>();
  const unique = items.filter((i) => !seen.has(key(i.kind, i.id)) && seen.add(key(i.kind, i.id)));
  return describeContributions(db, organizationId, unique, facts);
}
