import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { InputSearch } from './decision-input.js';
import { linksOfInputs, reviewsOfInputs } from './decisions.repository.js';
import { decisionRules } from './decisions.policy.js';
import type { InputItem, InputKind } from './input-source.js';
import { allInputSources, inputSourceOf } from './input-sources.js';

/** How many hits each kind gives at most, and how many a search shows in all. */
export const PER_KIND = 50;
export const MAX_HITS = 100;

/** One input found, with what staff already did with it. */
export interface InputHit {
  item: InputItem;
  /** When staff marked it reviewed, or null. */
  reviewedAt: string | null;
  /** Every decision of the initiative that links it (the link's id and the decision's title). */
  linkedTo: { linkId: string; decisionId: string; title: string }[];
}

/**
 * Searches across every kind of the initiative's input (or one kind) through the input-source
 * registry, newest first, and tells for each hit whether it was reviewed and which decisions link it.
 */
export async function searchInputs(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<{
  initiative: Initiative;
  search: InputSearch;
  kinds: InputKind[];
  hits: InputHit[];
  canManage: boolean;
}> {
  authorize(actor, decisionRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const search = parseInput(InputSearch, raw);
  const org = actor.organizationId;
  const sources = search.kind
    ? [inputSourceOf(search.kind as InputKind)].filter((s) => s !== undefined)
    : allInputSources();
  const items: InputItem[] = [];
  for (const source of sources)
    items.push(...(await source.search(db, org, initiative.id, search.q.trim(), PER_KIND)));
  items.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const shown = items.slice(0, MAX_HITS);

  const hits: InputHit[] = [];
  for (const kind of new Set(shown.map((i) => i.kind))) {
    const ids = shown.filter((i) => i.kind === kind).map((i) => i.id);
    const reviews = await reviewsOfInputs(db, org, kind, ids);
    const links = await linksOfInputs(db, org, initiative.id, kind, ids);
    for (const item of shown.filter((i) => i.kind === kind))
      hits.push({
        item,
        reviewedAt: reviews[item.id] ?? null,
        linkedTo: links
          .filter((l) => l.inputId === item.id)
          .map(({ linkId, decisionId, title }) => ({ linkId, decisionId, title })),
      });
  }
  const order = new Map(shown.map((item, i) => [item, i]));
  hits.sort((a, b) => order.get(a.item)! - order.get(b.item)!);
  return {
    initiative,
    search,
    kinds: allInputSources().map((s) => s.kind),
    hits,
    canManage: can(actor, decisionRules.manage),
  };
}
