// Small-cell suppression. The rules, applied by `summarise`, `breakdown` and the funnel helpers:
//
// 1. Gate. A summary (a question, a segment of a breakdown, a channel of the funnel) is shown only if
//    at least k respondents are behind it; with fewer (zero included) the caller gets `{ suppressed:
//    true, k }` and no numbers at all.
// 2. Primary cells. Inside a shown summary, a cell (option, point, value, bucket, date, ranking item)
//    with 1..k-1 respondents is hidden. Zero cells are shown. Counts are always unweighted
//    respondents: weighting never rescues a small cell.
// 3. Complementary cells. Where the cells add up to a shown total (single choice, demographic, Likert,
//    rating values, NPS buckets, dates; and, in a breakdown, each column of segments adds up to the
//    shown overall), a line with exactly one hidden non-zero cell would give it away by subtraction.
//    So the smallest other non-zero shown cell of that line is hidden as well (a zero cell if there is
//    none), repeating over rows and columns until no line has a lone hidden cell. Multiple choice and
//    ranking cells do not add up to anything shown, so they get rule 2 only.
// 4. Segments. In a breakdown whose overall is shown, if exactly one segment with respondents is hidden
//    by the gate, the smallest other segment with respondents is hidden too (its counts, means and
//    texts), since overall minus the shown segments would reveal it.
// 5. Derived numbers. A statistic computed from a distribution with a hidden cell (the Likert or rating
//    mean and interval, the NPS score) is hidden too: with the cells and the total, a mean is one more
//    linear equation, enough to solve for two hidden cells.
//
// What this does not do: protect against differencing across different filters or time windows
// combined by an attacker, or attribute disclosure when everyone in a shown segment gave the same answer.
// Show filtered results through `breakdown` (never a lone `summarise` of one segment), so rules 3-4 see
// the whole attribute.

/** Throws unless k is a whole number >= 1. */
export function checkK(k: number): void {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`k must be a whole number >= 1, got ${k}`);
}

function pickComplement(
  candidates: readonly { n: number; hidden: boolean; index: number }[],
): number | undefined {
  let best: { n: number; index: number } | undefined;
  for (const c of candidates) {
    if (c.hidden || c.n <= 0) continue;
    if (!best || c.n < best.n) best = c;
  }
  if (best) return best.index;
  return candidates.find((c) => !c.hidden)?.index;
}

/**
 * Which rows (segments, channels) to hide: rule 1 (fewer than k, zero included), then rule 4 when
 * `marginShown` (the total over all rows is published).
 */
export function suppressRows(respondents: readonly number[], k: number, marginShown = true): boolean[] {
  checkK(k);
  const hidden = respondents.map((n) => n < k);
  const hiddenWithPeople = respondents.filter((n, i) => hidden[i] && n > 0).length;
  if (marginShown && hiddenWithPeople === 1) {
    let best: number | undefined;
    respondents.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (best === undefined || n < (respondents[best] ?? 0))) best = i;
    });
    if (best !== undefined) hidden[best] = true;
  }
  return hidden;
}

/**
 * Which cells of a rows × columns table of respondent counts to hide (rules 2 and 3). `hiddenRows` are
 * rows already hidden whole (their cells count as hidden); `rowsAdditive` says whether a row's cells add
 * up to its shown total; `columnTotalsShown[c]` whether column c's total (the overall cell) is shown.
 */
export function suppressCells(
  cells: readonly (readonly number[])[],
  k: number,
  options: { rowsAdditive: boolean; columnTotalsShown?: readonly boolean[]; hiddenRows?: readonly boolean[] },
): boolean[][] {
  checkK(k);
  const hiddenRows = options.hiddenRows ?? cells.map(() => false);
  const mask = cells.map((row, r) => row.map((n) => (hiddenRows[r] ?? false) || (n > 0 && n < k)));
  const at = (r: number, c: number): number => cells[r]?.[c] ?? 0;
  const isHidden = (r: number, c: number): boolean => mask[r]?.[c] ?? false;
  const hide = (r: number, c: number): void => {
    const row = mask[r];
    if (row) row[c] = true;
  };
  const columns = Math.max(0, ...cells.map((row) => row.length));
  for (let changed = true; changed;) {
    changed = false;
    if (options.rowsAdditive) {
      cells.forEach((row, r) => {
        if (hiddenRows[r]) return;
        const lone = row.filter((n, c) => n > 0 && isHidden(r, c)).length === 1;
        if (!lone) return;
        const pick = pickComplement(row.map((n, c) => ({ n, hidden: isHidden(r, c), index: c })));
        if (pick !== undefined) {
          hide(r, pick);
          changed = true;
        }
      });
    }
    for (let c = 0; c < columns; c++) {
      if (!options.columnTotalsShown?.[c]) continue;
      const lone = cells.filter((_, r) => at(r, c) > 0 && isHidden(r, c)).length === 1;
      if (!lone) continue;
      const pick = pickComplement(
        cells.map((_, r) => ({ n: at(r, c), hidden: isHidden(r, c) || (hiddenRows[r] ?? false), index: r })),
      );
      if (pick !== undefined) {
        hide(pick, c);
        changed = true;
      }
    }
  }
  return mask;
}
