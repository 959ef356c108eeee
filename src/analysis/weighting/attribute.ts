import { WeightingError } from './errors.js';
import { MISSING, type MarginKind, type RakingAttribute } from './types.js';

/** Proportions typed from a table rarely add up to exactly 1; the same ±0.5 % as the margin form. */
const PROPORTION_SUM_TOLERANCE = 0.005;
const MAX_CATEGORIES = 0xfffe;

/** An attribute after validation: compact codes (k = missing), counts, and targets as population counts. */
export interface Prepared {
  name: string;
  kind: MarginKind;
  categories: readonly string[];
  k: number;
  codes: Uint16Array;
  /** Population counts per category (length k). */
  targets: Float64Array;
  /** Shares per category (length k). */
  shares: Float64Array;
  respondents: Float64Array;
  missing: number;
  /** Totals at the current weights, length k + 1 (the last slot collects the respondents who skipped). */
  totals: Float64Array;
  factors: Float64Array;
}

export function startingWeights(given: ArrayLike<number> | undefined, n: number): Float64Array {
  const start = new Float64Array(n);
  if (given === undefined) {
    start.fill(1);
    return start;
  }
  if (given.length !== n)
    throw new WeightingError(
      'length_mismatch',
      `there are ${given.length} starting weights for ${n} respondents`,
    );
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = given[i]!;
    if (!(w >= 0 && Number.isFinite(w)))
      throw new WeightingError(
        'invalid_weight',
        `the starting weight of respondent ${i + 1} is ${w}; weights must be zero or positive numbers`,
        { respondent: i, value: w },
      );
    start[i] = w;
    total += w;
  }
  if (total === 0) throw new WeightingError('zero_total_weight', 'all starting weights are zero');
  return start;
}

export function prepareAttribute(attribute: RakingAttribute, n: number, start: Float64Array): Prepared {
  const { name, categories, targets: given, kind } = attribute;
  const k = categories.length;
  if (given.length !== k)
    throw new WeightingError(
      'length_mismatch',
      `attribute ${name} has ${k} categories but ${given.length} targets`,
      { attribute: name },
    );
  if (attribute.codes.length !== n)
    throw new WeightingError(
      'length_mismatch',
      `attribute ${name} codes ${attribute.codes.length} respondents, not ${n}`,
      { attribute: name },
    );
  if (k > MAX_CATEGORIES)
    throw new WeightingError(
      'too_many_categories',
      `attribute ${name} has more than ${MAX_CATEGORIES} categories`,
      {
        attribute: name,
      },
    );
  const seen = new Set<string>();
  for (const category of categories) {
    if (seen.has(category))
      throw new WeightingError('duplicate_category', `attribute ${name} lists category ${category} twice`, {
        attribute: name,
        category,
      });
    seen.add(category);
  }
  const targets = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const t = given[c]!;
    if (!(t >= 0 && Number.isFinite(t)))
      throw new WeightingError(
        'invalid_target',
        `the target of ${name} = ${categories[c]} is ${t}; targets must be zero or positive numbers`,
        { attribute: name, category: categories[c], value: t },
      );
    targets[c] = t;
  }
  const targetTotal = sum(targets);
  if (targetTotal === 0)
    throw new WeightingError('invalid_target', `every target of ${name} is zero`, { attribute: name });
  if (kind === 'proportion' && Math.abs(targetTotal - 1) > PROPORTION_SUM_TOLERANCE)
    throw new WeightingError(
      'proportions_do_not_sum_to_one',
      `the proportions of ${name} add up to ${targetTotal}, not 1`,
      { attribute: name, value: targetTotal },
    );

  const codes = new Uint16Array(n);
  const respondents = new Float64Array(k);
  const carried = new Float64Array(k);
  let missing = 0;
  const given_codes = attribute.codes;
  for (let i = 0; i < n; i++) {
    const code = given_codes[i]!;
    if (code === -1 || code === MISSING) {
      codes[i] = k;
      missing++;
    } else if (Number.isInteger(code) && code >= 0 && code < k) {
      codes[i] = code;
      respondents[code]!++;
      carried[code]! += start[i]!;
    } else {
      throw new WeightingError(
        'unknown_category',
        `respondent ${i + 1} has category code ${code} on ${name}, which has ${k} categories`,
        { attribute: name, respondent: i, value: code },
      );
    }
  }
  if (missing === n)
    throw new WeightingError('attribute_all_missing', `every respondent skipped ${name}`, {
      attribute: name,
    });
  for (let c = 0; c < k; c++) {
    if (targets[c]! > 0 && carried[c] === 0)
      throw new WeightingError(
        'empty_category',
        respondents[c] === 0
          ? `no respondent is in ${name} = ${categories[c]}, whose target is ${targets[c]}`
          : `every respondent in ${name} = ${categories[c]} has starting weight 0, but its target is ${targets[c]}`,
        { attribute: name, category: categories[c] },
      );
  }
  const shares = new Float64Array(k);
  for (let c = 0; c < k; c++) shares[c] = targets[c]! / targetTotal;
  return {
    name,
    kind,
    categories,
    k,
    codes,
    targets,
    shares,
    respondents,
    missing,
    totals: new Float64Array(k + 1),
    factors: new Float64Array(k + 1),
  };
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
