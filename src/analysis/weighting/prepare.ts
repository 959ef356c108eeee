import { WeightingError } from './errors.js';
import type { MarginKind, RakingAttribute, RakingProblem } from './types.js';

/** One row of a margins table: the population target of one category of one attribute. */
export interface MarginRow {
  attribute: string;
  category: string;
  /** A count, or a proportion when the attribute's targets add up to 1. */
  target: number;
}

/** Respondents as text columns, one per attribute, all of the same length (input order). */
export interface RespondentColumns {
  /** Attribute name → each respondent's category; `''`, `null` or `undefined` means skipped. */
  columns: ReadonlyMap<string, readonly (string | null | undefined)[]>;
  /** Starting weights in the same order, when the respondents have them. */
  startWeights?: ArrayLike<number> | undefined;
}

/** Accepted deviation of a proportion attribute's sum from 1 (the ±0.5 % of the margin form). */
const PROPORTION_SUM_TOLERANCE = 0.005;

/**
 * Decides whether an attribute's targets are proportions or counts: proportions when every target is at
 * most 1 and they add up to 1 within ±0.005; counts otherwise.
 */
export function detectMarginKind(targets: ArrayLike<number>): MarginKind {
  let total = 0;
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    if (!(t <= 1)) return 'count';
    total += t;
  }
  return Math.abs(total - 1) <= PROPORTION_SUM_TOLERANCE ? 'proportion' : 'count';
}

/**
 * Groups margin rows by attribute, in the order attributes first appear, refusing a category listed twice
 * or a target that is not a finite non-negative number.
 */
export function groupMargins(
  margins: readonly MarginRow[],
): { attribute: string; categories: string[]; targets: number[]; kind: MarginKind }[] {
  const groups = new Map<string, { categories: string[]; targets: number[]; seen: Set<string> }>();
  for (const { attribute, category, target } of margins) {
    let group = groups.get(attribute);
    if (!group) {
      group = { categories: [], targets: [], seen: new Set() };
      groups.set(attribute, group);
    }
    if (group.seen.has(category))
      throw new WeightingError('duplicate_category', `the margins list ${attribute} = ${category} twice`, {
        attribute,
        category,
      });
    if (!(target >= 0 && Number.isFinite(target)))
      throw new WeightingError(
        'invalid_target',
        `the target of ${attribute} = ${category} is ${target}; targets must be zero or positive numbers`,
        { attribute, category, value: target },
      );
    group.seen.add(category);
    group.categories.push(category);
    group.targets.push(target);
  }
  return [...groups].map(([attribute, { categories, targets }]) => ({
    attribute,
    categories,
    targets,
    kind: detectMarginKind(targets),
  }));
}

/**
 * Codes text respondents against margin rows into a `RakingProblem`. Every attribute in the margins must
 * be a column; columns without margins are not used. A respondent whose category the margins do not list
 * is refused (`unknown_category`) rather than silently dropped; an empty value means the respondent skipped
 * the attribute. Category labels are compared exactly.
 */
export function buildRakingProblem(
  respondents: RespondentColumns,
  margins: readonly MarginRow[],
): RakingProblem {
  const groups = groupMargins(margins);
  if (groups.length === 0) throw new WeightingError('no_attributes', 'the margins name no attribute');
  let n: number | undefined;
  const attributes: RakingAttribute[] = groups.map(({ attribute, categories, targets, kind }) => {
    const column = respondents.columns.get(attribute);
    if (!column)
      throw new WeightingError('unknown_attribute', `the respondents have no column ${attribute}`, {
        attribute,
      });
    if (n === undefined) n = column.length;
    else if (column.length !== n)
      throw new WeightingError(
        'length_mismatch',
        `column ${attribute} has ${column.length} values, not ${n}`,
        {
          attribute,
        },
      );
    const index = new Map(categories.map((category, c) => [category, c]));
    const codes = new Int32Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const value = column[i];
      if (value === undefined || value === null || value === '') {
        codes[i] = -1;
        continue;
      }
      const code = index.get(value);
      if (code === undefined)
        throw new WeightingError(
          'unknown_category',
          `respondent ${i + 1} is in ${attribute} = ${value}, a category the population margins do not list`,
          { attribute, category: value, respondent: i },
        );
      codes[i] = code;
    }
    return { name: attribute, categories, targets, kind, codes };
  });
  return { attributes, startWeights: respondents.startWeights };
}
