import type { Db } from '../../db/database.js';
import type { DecisionStatus } from '../decisions/decisions.table.js';
import type { InputKind } from '../decisions/input-source.js';
import { inputSourceOf } from '../decisions/input-sources.js';
import { listPublicDecisions, type PublicDecision } from '../decisions/list-public-decisions.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { quotableParticipants } from '../participants/quotable-participants.js';
import { groupByTopic, pickQuotes, summarizeInput, type SaidSummary } from './summarize-input.js';

/** One decision as "you said, we did" publishes it. */
export interface OutcomeDecision {
  id: string;
  title: string;
  rationale: string;
  decidedBy: string;
  decidedOn: string;
  status: DecisionStatus;
  /** Only for `not_adopted`: the public reason ("we did not, because …"); '' otherwise. */
  notAdoptedReason: string;
  said: SaidSummary & { quotes: string[] };
}

/** One initiative's decisions grouped by topic (null topic: "Other", last). */
export interface InitiativeOutcomes {
  initiative: { id: string; slug: string; title: string };
  topics: { topic: string | null; decisions: OutcomeDecision[] }[];
}

const key = (kind: InputKind, id: string) => `${kind}:${id}`;

/** The words of the inputs that may be quoted, read through each kind's input source. */
async function quotableTexts(
  db: Db,
  organizationId: string,
  decisions: readonly PublicDecision[],
  quotable: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const wanted = new Map<InputKind, Set<string>>();
  for (const d of decisions)
    for (const l of d.links)
      if (l.participantId && quotable.has(l.participantId))
        wanted.set(l.inputKind, (wanted.get(l.inputKind) ?? new Set()).add(l.inputId));
  const texts = new Map<string, string>();
  const initiativeOf = new Map(decisions.map((d) => [d.id, d.initiativeId]));
  const allowed = new Set(initiativeOf.values());
  for (const [kind, ids] of wanted) {
    const source = inputSourceOf(kind);
    if (!source) continue;
    for (const item of await source.byIds(db, organizationId, [...ids]))
      // A link only ever points into its own initiative; checked again since the text is published.
      if (allowed.has(item.initiativeId)) texts.set(key(kind, item.id), item.text);
  }
  return texts;
}

/**
 * Assembles "you said, we did" for initiatives the caller has already decided may be shown:
 * each decision with what was said (small-cell suppressed at `k`) and quotes only from
 * contributors who agreed to be quoted. Initiatives without decisions are left out.
 */
export async function buildOutcomes(
  db: Db,
  organizationId: string,
  k: number,
  initiatives: readonly Initiative[],
  locale: string,
): Promise<InitiativeOutcomes[]> {
  const decisions = await listPublicDecisions(
    db,
    organizationId,
    initiatives.map((i) => i.id),
  );
  const summaries = new Map(decisions.map((d) => [d.id, summarizeInput(d.links, k)]));
  // Quotes are only looked for where the numbers may be shown at all.
  const shown = decisions.filter((d) => !summaries.get(d.id)!.suppressed);
  const quotable = await quotableParticipants(
    db,
    organizationId,
    shown.flatMap((d) => d.links.flatMap((l) => (l.participantId ? [l.participantId] : []))),
  );
  const texts = await quotableTexts(db, organizationId, shown, quotable);
  const outcomes = (d: PublicDecision): OutcomeDecision => {
    const summary = summaries.get(d.id)!;
    return {
      id: d.id,
      title: d.title,
      rationale: d.rationale,
      decidedBy: d.decidedBy,
      decidedOn: d.decidedOn,
      status: d.status,
      notAdoptedReason: d.status === 'not_adopted' ? d.notAdoptedReason : '',
      said: {
        ...summary,
        quotes: summary.suppressed
          ? []
          : pickQuotes(d.links, quotable, (l) => texts.get(key(l.inputKind, l.inputId))),
      },
    };
  };
  return initiatives.flatMap((initiative) => {
    const mine = decisions.filter((d) => d.initiativeId === initiative.id);
    if (mine.length === 0) return [];
    return [
      {
        initiative: { id: initiative.id, slug: initiative.slug, title: initiative.title },
        topics: groupByTopic(mine, locale).map((g) => ({ topic: g.topic, decisions: g.items.map(outcomes) })),
      },
    ];
  });
}
