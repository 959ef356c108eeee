import type { InputKind } from '../decisions/input-source.js';
import { inputKinds } from '../decisions/input-source.js';

// Pure rules of "what you said": counts per kind, distinct contributors, small-cell suppression and
// which quotes may be shown. No I/O, so the rules are tested with tables of cases.

/** One linked input as the summary sees it. */
export interface LinkedInput {
  inputKind: InputKind;
  inputId: string;
  participantId: string | null;
}

/** What people said about one decision, safe to publish. */
export interface SaidSummary {
  /** Whether any input is linked to the decision at all. */
  linked: boolean;
  /**
   * Fewer than k distinct contributors: neither counts nor quotes are shown, only "fewer than k
   * people", so nobody is recognisable from a small group.
   */
  suppressed: boolean;
  /** Distinct contributors; null when suppressed. */
  contributors: number | null;
  /** Linked inputs per kind (kinds with none left out, in the order of `inputKinds`); empty when suppressed. */
  inputs: { kind: InputKind; count: number }[];
}

/**
 * Summarises a decision's linked inputs at the organization's small-cell threshold k. Only known
 * contributors count as people: anonymous input and input of people who erased their data cannot
 * be told apart, so counting them could only overstate the group (erring towards suppression).
 */
export function summarizeInput(links: readonly LinkedInput[], k: number): SaidSummary {
  if (links.length === 0) return { linked: false, suppressed: false, contributors: 0, inputs: [] };
  const people = new Set(links.flatMap((l) => (l.participantId ? [l.participantId] : [])));
  if (people.size < k) return { linked: true, suppressed: true, contributors: null, inputs: [] };
  const counts = new Map<InputKind, number>();
  for (const l of links) counts.set(l.inputKind, (counts.get(l.inputKind) ?? 0) + 1);
  return {
    linked: true,
    suppressed: false,
    contributors: people.size,
    inputs: inputKinds.flatMap((kind) => {
      const count = counts.get(kind);
      return count ? [{ kind, count }] : [];
    }),
  };
}

/** Longest quote shown; longer input is cut at a word and marked with an ellipsis. */
export const QUOTE_MAX = 280;

/** Cuts a text to `QUOTE_MAX` characters at a word boundary. */
export function shortenQuote(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= QUOTE_MAX) return clean;
  const cut = clean.slice(0, QUOTE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > QUOTE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Up to `max` quotes for a decision: the words of linked inputs, in link order, one per
 * contributor, only from contributors in `quotable` (who agreed to be quoted). Input without a
 * participant is never quoted: nobody agreed. `textOf` gives an input's words ('' or undefined when none).
 */
export function pickQuotes(
  links: readonly LinkedInput[],
  quotable: ReadonlySet<string>,
  textOf: (link: LinkedInput) => string | undefined,
  max = 3,
): string[] {
  const quotes: string[] = [];
  const quoted = new Set<string>();
  for (const link of links) {
    if (quotes.length >= max) break;
    const who = link.participantId;
    if (!who || !quotable.has(who) || quoted.has(who)) continue;
    const text = textOf(link)?.trim();
    if (!text) continue;
    quotes.push(shortenQuote(text));
    quoted.add(who);
  }
  return quotes;
}

/** Groups items by topic: named topics alphabetically, then those without a topic (null, "Other"). */
export function groupByTopic<T extends { topic: string }>(
  items: readonly T[],
  locale: string,
): { topic: string | null; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = item.topic.trim();
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const named = [...groups.keys()].filter((k) => k !== '').sort((a, b) => a.localeCompare(b, locale));
  const result: { topic: string | null; items: T[] }[] = named.map((topic) => ({
    topic,
    items: groups.get(topic)!,
  }));
  const other = groups.get('');
  if (other) result.push({ topic: null, items: other });
  return result;
}
