import { checkK, suppressRows } from './suppression.js';

// Letters that have no Unicode decomposition but that people type without their stroke or ligature.
const FOLD: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  þ: 'th',
};

/**
 * Folds text for searching: Unicode compatibility decomposition (NFKD), combining marks dropped (so
 * "å" and "é" match "a" and "e"), lower case, a few undecomposable letters folded (ø → o, æ → ae,
 * ß → ss ...), and runs of white space made one space.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđðıþ]/g, (ch) => FOLD[ch] ?? ch)
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * The free-text answers containing `query`, case- and accent-insensitively (see `foldForSearch`), in
 * their original order; an empty query returns them all. Give `textOf` to search records (keeping ids).
 */
export function searchTexts(texts: readonly string[], query: string): string[];
export function searchTexts<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[];
export function searchTexts<T>(items: readonly T[], query: string, textOf?: (item: T) => string): T[] {
  const needle = foldForSearch(query);
  if (needle === '') return [...items];
  const read = textOf ?? ((item: T): string => String(item));
  return items.filter((item) => foldForSearch(read(item)).includes(needle));
}

/**
 * Whether a segment's free-text answers may be listed: only with at least k respondents in it. For a
 * segment of a breakdown, also require that `breakdown` showed it (or use `visibleTextSegments`): the
 * overall list minus the other segments' lists would otherwise give a hidden segment's texts away.
 */
export function textsVisible(segmentRespondents: number, k: number): boolean {
  checkK(k);
  return segmentRespondents >= k;
}

/**
 * For every segment of an attribute (respondents per category, all categories), whether its texts may
 * be listed, with the complementary rule of `breakdown` when the overall list is shown.
 */
export function visibleTextSegments(
  segmentRespondents: readonly number[],
  k: number,
  overallShown = true,
): boolean[] {
  return suppressRows(segmentRespondents, k, overallShown).map((hidden) => !hidden);
}
