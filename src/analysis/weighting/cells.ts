import type { Prepared } from './attribute.js';

/** Respondents grouped by their combination of categories (skipped counts as a category). */
export interface Cells {
  /** Cell of each respondent. */
  cellOf: Int32Array;
  /** Per attribute, the category code of each cell. */
  codes: Uint16Array[];
  /** Sum of the respondents' starting weights per cell. */
  weights: Float64Array;
  /** Respondents per cell. */
  members: Float64Array;
  /** One respondent of each cell. */
  representative: Int32Array;
}

/** Beyond this many possible keys, cells are numbered through a Map instead of a lookup table. */
const TABLE_LIMIT = 1 << 22;

/**
 * Numbers the distinct combinations of categories, one key at a time: a respondent's cell after key j is
 * the dense number of (cell after key j − 1, value of key j). `extra` adds a key beyond the attributes.
 */
export function buildCells(
  prepared: Prepared[],
  start: Float64Array,
  extra?: { codes: Int32Array; radix: number },
): Cells {
  const n = start.length;
  const cellOf = new Int32Array(n);
  const keys: { codes: ArrayLike<number>; radix: number }[] = prepared.map((a) => ({
    codes: a.codes,
    radix: a.k + 1,
  }));
  if (extra) keys.push(extra);
  let count = 1;
  for (const { codes, radix } of keys) {
    let next = 0;
    if (count * radix <= TABLE_LIMIT) {
      const table = new Int32Array(count * radix).fill(-1);
      for (let i = 0; i < n; i++) {
        const key = cellOf[i]! * radix + codes[i]!;
        let cell = table[key]!;
        if (cell < 0) table[key] = cell = next++;
        cellOf[i] = cell;
      }
    } else {
      const table = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const key = cellOf[i]! * radix + codes[i]!;
        let cell = table.get(key);
        if (cell === undefined) table.set(key, (cell = next++));
        cellOf[i] = cell;
      }
    }
    count = next;
  }
  const representative = new Int32Array(count);
  const weights = new Float64Array(count);
  const members = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const cell = cellOf[i]!;
    representative[cell] = i;
    weights[cell]! += start[i]!;
    members[cell]!++;
  }
  const codes = prepared.map((attribute) => {
    const cellCodes = new Uint16Array(count);
    for (let cell = 0; cell < count; cell++) cellCodes[cell] = attribute.codes[representative[cell]!]!;
    return cellCodes;
  });
  return { cellOf, codes, weights, members, representative };
}

/** The attributes re-coded for cells, with fresh work arrays. */
export function cellAttributes(prepared: Prepared[], cells: Cells): Prepared[] {
  return prepared.map((attribute, a) => ({
    ...attribute,
    codes: cells.codes[a]!,
    totals: new Float64Array(attribute.k + 1),
    factors: new Float64Array(attribute.k + 1),
  }));
}
