import type { Db } from '../../db/database.js';
import type { InfluenceData, InputRef } from '../../analysis/influence/index.js';
import type { StaffActor } from '../../platform/actor.js';
import { allInputSources } from '../decisions/input-sources.js';
import { listDecisions } from '../decisions/list-decisions.js';
import { listLinkFacts, listReviewFacts } from '../decisions/loop-facts.js';
import type { Initiative } from '../initiatives/initiatives.table.js';

// Loads what the influence metrics are computed from, for any kinds of input the registry holds.
// Counts and contributors come from each source's census; only inputs that were linked or reviewed
// are read one by one (for their dates), so a survey with a million responses is never loaded.

/** How many ids one `byIds` call reads at most (well under both engines' parameter limits). */
const CHUNK = 500;

function key(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

/** When an initiative closed, or null while it is a draft, open, or archived without closing. */
export function closingDate(initiative: Initiative): string | null {
  return initiative.status === 'closed' || initiative.status === 'archived' ? initiative.closedAt : null;
}

/**
 * The metrics' data of each given initiative (all of one organization, or one), keyed by
 * initiative id. `onlyInitiativeId` narrows the link and review queries to one initiative.
 */
export async function gatherInfluenceData(
  db: Db,
  actor: StaffActor,
  initiatives: readonly Initiative[],
  onlyInitiativeId: string | null,
): Promise<Map<string, InfluenceData>> {
  const organizationId = actor.organizationId;
  const [links, reviews] = await Promise.all([
    listLinkFacts(db, organizationId, onlyInitiativeId),
    listReviewFacts(db, organizationId, onlyInitiativeId),
  ]);

  // The inputs that had a response, read by id from their own modules.
  const wanted = new Map<string, Set<string>>();
  for (const f of [...links, ...reviews]) {
    const ids = wanted.get(f.inputKind) ?? new Set<string>();
    ids.add(f.inputId);
    wanted.set(f.inputKind, ids);
  }
  const sources = allInputSources();
  const answered = new Map<string, InputRef & { initiativeId: string }>();
  for (const source of sources) {
    const ids = [...(wanted.get(source.kind) ?? [])];
    for (let at = 0; at < ids.length; at += CHUNK) {
      for (const item of await source.byIds(db, organizationId, ids.slice(at, at + CHUNK))) {
        answered.set(key(item.kind, item.id), {
          kind: item.kind,
          id: item.id,
          createdAt: item.createdAt,
          participantId: item.participantId,
          initiativeId: item.initiativeId,
        });
      }
    }
  }
  // Links and reviews belong to the initiative of the input they are about.
  const initiativeOf = (kind: string, id: string) => answered.get(key(kind, id))?.initiativeId;
  const linkedDecisions = new Set(links.map((l) => l.decisionId));

  const out = new Map<string, InfluenceData>();
  for (const initiative of initiatives) {
    let inputCount = 0;
    const contributors = new Set<string>();
    for (const source of sources) {
      const census = await source.census(db, organizationId, initiative.id);
      inputCount += census.inputs;
      for (const p of census.contributors) contributors.add(p);
    }
    const { decisions } = await listDecisions(db, actor, initiative.id);
    out.set(initiative.id, {
      inputCount,
      inputs: [...answered.values()]
        .filter((i) => i.initiativeId === initiative.id)
        .map(({ kind, id, createdAt, participantId }) => ({ kind, id, createdAt, participantId })),
      reviews: reviews.filter((r) => initiativeOf(r.inputKind, r.inputId) === initiative.id),
      links: links.filter((l) => initiativeOf(l.inputKind, l.inputId) === initiative.id),
      contributors: [...contributors],
      decisions: decisions.map((d) => ({ id: d.id, withUserInput: linkedDecisions.has(d.id) })),
      closedAt: closingDate(initiative),
    });
  }
  return out;
}
