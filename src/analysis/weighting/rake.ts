import { WeightingError } from './errors.js';
import { summarizeWeights, type WeightSummary } from './summary.js';
import { trimWeights } from './trim.js';

/** Whether an attribute's targets are population counts or shares that add up to 1. */
export type MarginKind = 'count' | 'proportion';

/** Code for "this respondent skipped the attribute" (besides -1) in `RakingAttribute.codes`. */
export const MISSING = 0xffff;

/** One attribute to rake on, with respondents already coded to category indexes. */
export interface RakingAttribute {
  name: string;
  /** Category labels of the population margins; a respondent's code indexes this list. */
  categories: readonly string[];
  /** Target per category, in the order of `categories`. */
  targets: ArrayLike<number>;
  kind: MarginKind;
  /** Per respondent: index into `categories`, or -1 / `MISSING` when the respondent skipped it. */
  codes: ArrayLike<number>;
}

/** Respondents coded on every attribute, with optional starting (design) weights. */
export interface RakingProblem {
  attributes: readonly RakingAttribute[];
  /** Starting weights, one per respondent; all 1 when absent. */
  startWeights?: ArrayLike<number> | undefined;
}

/** How far to iterate and whether to bound the weights. */
export interface RakingOptions {
  /**
   * Convergence tolerance: the largest relative gap |weighted total − target| / target over every
   * category of every attribute. Default 1e-10.
   */
  epsilon?: number | undefined;
  /** Most sweeps over all attributes before giving up (reported as not converged). Default 1000. */
  maxIterations?: number | undefined;
  /**
   * Cap inside the iterations, as a multiple of the mean weight (≥ 1). The result is bounded raking:
   * every weight is min(d_i · Π factors, cap · mean) and the margins are still met exactly; the
   * respondents below the cap carry what the capped ones cannot. Same weights as R's
   * `calibrate(design, ~a + b, totals, calfun = 'raking', bounds = c(0, cap * mean), bounds.const = TRUE)`.
   * The mean is fixed by the margins (population total / n), so the cap is a known number.
   */
  cap?: number | undefined;
  /**
   * Trimming after raking, as a multiple of the mean weight (≥ 1): weights above trim · mean are set to
   * it and the excess is shared in equal amounts among the other respondents, repeated until none is
   * above. The total is kept, the margins no longer exactly. Same weights as R's
   * `trimWeights(raked, upper = trim * mean(weights(raked)), strict = TRUE)`.
   */
  trim?: number | undefined;
  /**
   * How far count margins of different attributes may disagree on the population total (relative)
   * before the request is refused. Within it, every attribute is scaled to the first count attribute's
   * total so the margins can all be met. Default 1e-6.
   */
  totalTolerance?: number | undefined;
}

/** Per category: what was asked for and what the weights give. */
export interface CategoryMargin {
  category: string;
  /** Target as a count (proportions already scaled to the population total). */
  target: number;
  /** Target as a share of the attribute's total. */
  share: number;
  /** Respondents in the category (unweighted). */
  respondents: number;
  /** Sum of the final weights in the category. */
  weighted: number;
}

/** The margins one attribute was raked to, and how they were met. */
export interface AttributeMargin {
  attribute: string;
  kind: MarginKind;
  /** Respondents who skipped the attribute. */
  missing: number;
  categories: CategoryMargin[];
}

/** Raked weights with a report of how the raking went. */
export interface RakingResult {
  /** One weight per respondent, in input order. */
  weights: Float64Array;
  /** Full sweeps over all attributes. */
  iterations: number;
  converged: boolean;
  /** Largest relative margin gap at the raked weights (before trimming). */
  maxMarginError: number;
  /** Population total the weights add up to. */
  populationTotal: number;
  /** Respondents whose weight ended at the cap (0 without a cap). */
  capped: number;
  /** Respondents whose weight was trimmed (0 without trimming). */
  trimmed: number;
  summary: WeightSummary;
  margins: AttributeMargin[];
}

const DEFAULT_EPSILON = 1e-10;
const DEFAULT_MAX_ITERATIONS = 1000;
const DEFAULT_TOTAL_TOLERANCE = 1e-6;
/** Proportions typed from a table rarely add up to exactly 1; the same ±0.5 % as the margin form. */
const PROPORTION_SUM_TOLERANCE = 0.005;
const MAX_CATEGORIES = 0xfffe;

/** An attribute after validation: compact codes (k = missing), counts, and targets as population counts. */
interface Prepared {
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

/**
 * Rakes respondents to population margins by iterative proportional fitting, the algorithm of R's
 * `survey::rake`, and reports how it went. Throws `WeightingError` for input it cannot weight; never
 * returns NaN.
 *
 * Respondents who skipped an attribute (code -1 or `MISSING`) are left out of that attribute's
 * adjustment: the attribute's targets are applied as shares of the weighted total of the respondents who
 * answered it, and the others keep the weight the other attributes give them. (R's `rake` refuses
 * missing values; with none, the two agree.)
 */
export function rake(problem: RakingProblem, options: RakingOptions = {}): RakingResult {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const totalTolerance = options.totalTolerance ?? DEFAULT_TOTAL_TOLERANCE;
  checkOption('epsilon', epsilon, !(epsilon > 0 && Number.isFinite(epsilon)), 'a positive number');
  checkOption(
    'maxIterations',
    maxIterations,
    !(Number.isInteger(maxIterations) && maxIterations >= 1),
    'a whole number of at least 1',
  );
  checkOption(
    'totalTolerance',
    totalTolerance,
    !(totalTolerance >= 0 && Number.isFinite(totalTolerance)),
    'zero or a positive number',
  );
  if (options.cap !== undefined)
    checkOption('cap', options.cap, !(options.cap >= 1 && Number.isFinite(options.cap)), 'at least 1');
  if (options.trim !== undefined)
    checkOption('trim', options.trim, !(options.trim >= 1 && Number.isFinite(options.trim)), 'at least 1');

  const { attributes } = problem;
  const first = attributes[0];
  if (!first) throw new WeightingError('no_attributes', 'there is no attribute to weight on');
  const n = first.codes.length;
  if (n === 0) throw new WeightingError('no_respondents', 'there are no respondents to weight');

  const start = startingWeights(problem.startWeights, n);
  const prepared = attributes.map((attribute) => prepareAttribute(attribute, n, start));

  // Count margins fix the population total; proportions are scaled to it, or to the starting weights'
  // total (n without starting weights) when no attribute gives counts.
  const countTotals = prepared.filter((a) => a.kind === 'count').map((a) => ({ a, total: sum(a.targets) }));
  let populationTotal = 0;
  for (let i = 0; i < start.length; i++) populationTotal += start[i]!;
  const reference = countTotals[0];
  if (reference) {
    populationTotal = reference.total;
    for (const { a, total } of countTotals) {
      if (Math.abs(total - reference.total) > totalTolerance * reference.total) {
        throw new WeightingError(
          'margin_totals_disagree',
          `the margins add up to different population totals: ${countTotals.map((c) => `${c.a.name} ${c.total}`).join(', ')}`,
          { attribute: a.name, totals: Object.fromEntries(countTotals.map((c) => [c.a.name, c.total])) },
        );
      }
    }
  }
  for (const a of prepared) {
    const scale = populationTotal / sum(a.targets);
    for (let c = 0; c < a.k; c++) a.targets[c] = a.targets[c]! * scale;
  }

  const weights = new Float64Array(n);
  // Scaling the starting weights to the population total first does not change where raking ends (the
  // first adjustment removes any common factor) but gives the skipped-attribute rule the right total.
  const startTotal = sum(start);
  for (let i = 0; i < n; i++) weights[i] = (start[i]! * populationTotal) / startTotal;

  const cap = options.cap === undefined ? undefined : (options.cap * populationTotal) / n;
  if (cap !== undefined) checkCapFeasible(prepared, weights, cap);

  const run =
    cap === undefined
      ? rakeByCells(prepared, weights, epsilon, maxIterations)
      : rakeCapped(prepared, weights, cap, epsilon, maxIterations);

  let capped = 0;
  if (cap !== undefined) {
    for (let i = 0; i < n; i++) {
      if (weights[i]! >= cap) {
        weights[i] = cap;
        capped++;
      }
    }
  }
  const margins = report(prepared, weights);
  const trimmed = options.trim === undefined ? 0 : trimWeights(weights, options.trim);

  return {
    weights,
    iterations: run.iterations,
    converged: run.converged,
    maxMarginError: run.maxMarginError,
    populationTotal,
    capped,
    trimmed,
    summary: summarizeWeights(weights),
    margins,
  };
}

function checkOption(option: string, value: number, bad: boolean, expected: string): void {
  if (bad)
    throw new WeightingError('invalid_option', `${option} must be ${expected} (got ${value})`, {
      option,
      value,
    });
}

function startingWeights(given: ArrayLike<number> | undefined, n: number): Float64Array {
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

function prepareAttribute(attribute: RakingAttribute, n: number, start: Float64Array): Prepared {
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

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/**
 * The targets to meet at the current totals: fixed counts, or for an attribute some respondents skipped,
 * its shares of what the respondents who answered weigh now.
 */
function currentTarget(a: Prepared, c: number, answered: number): number {
  return a.missing === 0 ? a.targets[c]! : a.shares[c]! * answered;
}

function answeredTotal(a: Prepared): number {
  let answered = 0;
  for (let c = 0; c < a.k; c++) answered += a.totals[c]!;
  return answered;
}

function relativeGap(total: number, target: number): number {
  if (target > 0) return Math.abs(total - target) / target;
  return total > 0 ? 1 : 0;
}

/** The largest relative gap of one attribute at the totals in `a.totals`. */
function attributeGap(a: Prepared): number {
  const answered = answeredTotal(a);
  let gap = 0;
  for (let c = 0; c < a.k; c++) gap = Math.max(gap, relativeGap(a.totals[c]!, currentTarget(a, c, answered)));
  return gap;
}

function accumulate(a: Prepared, weights: Float64Array): void {
  const { totals, codes } = a;
  totals.fill(0);
  for (let i = 0; i < codes.length; i++) totals[codes[i]!]! += weights[i]!;
}

function noCarrier(a: Prepared, c: number): WeightingError {
  return new WeightingError(
    'empty_category',
    `the respondents in ${a.name} = ${a.categories[c]} all get weight 0 from other margins, but its target is not 0`,
    { attribute: a.name, category: a.categories[c] },
  );
}

interface Run {
  iterations: number;
  converged: boolean;
  maxMarginError: number;
}

/** Respondents grouped by their combination of categories (skipped counts as a category). */
interface Cells {
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
function buildCells(
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
function cellAttributes(prepared: Prepared[], cells: Cells): Prepared[] {
  return prepared.map((attribute, a) => ({
    ...attribute,
    codes: cells.codes[a]!,
    totals: new Float64Array(attribute.k + 1),
    factors: new Float64Array(attribute.k + 1),
  }));
}

/**
 * Plain raking only ever multiplies a respondent's weight by factors of its categories, so all
 * respondents with the same combination of categories keep the same ratio to their starting weight, and
 * raking the table of combinations (weighted by their starting weights) gives the same weights as raking
 * the respondents: R's `rake` works on that table too. A million respondents on six attributes fall in
 * some tens of thousands of combinations, so the sweeps run on those. Weights end in place.
 */
function rakeByCells(
  prepared: Prepared[],
  weights: Float64Array,
  epsilon: number,
  maxIterations: number,
): Run {
  const cells = buildCells(prepared, weights);
  const raked = cells.weights.slice();
  const run = rakeUncapped(cellAttributes(prepared, cells), raked, epsilon, maxIterations);
  const ratio = new Float64Array(raked.length);
  for (let cell = 0; cell < raked.length; cell++) {
    const base = cells.weights[cell]!;
    ratio[cell] = base > 0 ? raked[cell]! / base : 0;
  }
  const { cellOf } = cells;
  for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * ratio[cellOf[i]!]!;
  return run;
}

/**
 * Plain IPF, one pass over the respondents per attribute: the pass that applies attribute a's factors
 * also sums the totals of attribute a + 1, so a sweep reads the weights K times, not 2K.
 */
function rakeUncapped(
  prepared: Prepared[],
  weights: Float64Array,
  epsilon: number,
  maxIterations: number,
): Run {
  const count = prepared.length;
  const n = weights.length;
  accumulate(prepared[0]!, weights);
  let iterations = 0;
  let maxMarginError = Infinity;
  while (iterations < maxIterations) {
    iterations++;
    let sweepGap = 0;
    for (let a = 0; a < count; a++) {
      const attribute = prepared[a]!;
      const { totals, factors, codes, k } = attribute;
      const answered = answeredTotal(attribute);
      for (let c = 0; c < k; c++) {
        const target = currentTarget(attribute, c, answered);
        const total = totals[c]!;
        sweepGap = Math.max(sweepGap, relativeGap(total, target));
        if (total > 0) factors[c] = target / total;
        else if (target > 0) throw noCarrier(attribute, c);
        else factors[c] = 1;
      }
      factors[k] = 1;
      const next = prepared[(a + 1) % count]!;
      const nextTotals = next.totals;
      const nextCodes = next.codes;
      nextTotals.fill(0);
      for (let i = 0; i < n; i++) {
        const w = weights[i]! * factors[codes[i]!]!;
        weights[i] = w;
        nextTotals[nextCodes[i]!]! += w;
      }
    }
    // The gaps seen during the sweep were measured while other attributes moved; confirm on all
    // attributes at the final weights before calling it converged.
    if (sweepGap <= epsilon || iterations === maxIterations) {
      maxMarginError = allGaps(prepared, weights, 1);
      if (maxMarginError <= epsilon) return { iterations, converged: true, maxMarginError };
    }
  }
  return { iterations, converged: false, maxMarginError };
}

/** The largest gap over all attributes at `weights`; attributes before `from` already hold fresh totals. */
function allGaps(prepared: Prepared[], weights: Float64Array, from: number): number {
  let gap = 0;
  for (let a = 0; a < prepared.length; a++) {
    const attribute = prepared[a]!;
    if (a >= from) accumulate(attribute, weights);
    gap = Math.max(gap, attributeGap(attribute));
  }
  return gap;
}

function checkCapFeasible(prepared: Prepared[], start: Float64Array, cap: number): void {
  for (const a of prepared) {
    if (a.missing > 0) continue; // its targets follow the answered total, known only at the end
    const carriers = new Float64Array(a.k);
    for (let i = 0; i < start.length; i++) if (start[i]! > 0) carriers[a.codes[i]!]!++;
    for (let c = 0; c < a.k; c++) {
      if (a.targets[c]! > carriers[c]! * cap * (1 + 1e-12))
        throw new WeightingError(
          'cap_infeasible',
          `${a.name} = ${a.categories[c]} needs ${a.targets[c]} but its ${carriers[c]} respondents can carry at most ${carriers[c]! * cap} at the cap`,
          { attribute: a.name, category: a.categories[c] },
        );
    }
  }
}

function accumulateCapped(a: Prepared, unit: Float64Array, members: Float64Array, cap: number): void {
  const { totals, codes } = a;
  totals.fill(0);
  for (let j = 0; j < codes.length; j++) totals[codes[j]!]! += members[j]! * Math.min(unit[j]!, cap);
}

/**
 * Bounded raking, in place: every respondent's weight becomes min(raw, cap), where raw is the starting
 * weight times the factors of its categories. For each attribute, every category's factor λ solves
 * Σ min(λ · raw_i, cap) = target. That sum is concave and piecewise linear in λ, so Newton's method
 * started below the root (at target / Σ raw_i) climbs to it without overshooting and lands exactly once
 * the set of capped respondents stops changing. Each step maximises the dual of the bounded problem in
 * one block of variables, so the sweeps converge to its unique solution, the one R's `calibrate` finds
 * by Newton steps on all variables at once.
 *
 * Respondents with the same categories and the same starting weight have the same raw weight throughout,
 * so the work runs on those groups, each counted with its number of members.
 */
function rakeCapped(
  prepared: Prepared[],
  weights: Float64Array,
  cap: number,
  epsilon: number,
  maxIterations: number,
): Run {
  const n = weights.length;
  const distinct = new Map<number, number>();
  const weightCodes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let code = distinct.get(weights[i]!);
    if (code === undefined) distinct.set(weights[i]!, (code = distinct.size));
    weightCodes[i] = code;
  }
  const cells = buildCells(prepared, weights, { codes: weightCodes, radix: distinct.size });
  const attributes = cellAttributes(prepared, cells);
  const { members, representative } = cells;
  const size = members.length;
  const raw = new Float64Array(size);
  for (let j = 0; j < size; j++) raw[j] = weights[representative[j]!]!;

  const maxK = Math.max(...prepared.map((a) => a.k)) + 1;
  const uncapped = new Float64Array(maxK);
  const slope = new Float64Array(maxK);
  const capTotal = new Float64Array(maxK);
  const goal = new Float64Array(maxK);
  let iterations = 0;
  let maxMarginError = Infinity;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let sweepGap = 0;
    for (const attribute of attributes) {
      const { totals, factors, codes, k } = attribute;
      accumulateCapped(attribute, raw, members, cap);
      const answered = answeredTotal(attribute);
      uncapped.fill(0);
      for (let j = 0; j < size; j++) uncapped[codes[j]!]! += members[j]! * raw[j]!;
      for (let c = 0; c < k; c++) {
        const target = currentTarget(attribute, c, answered);
        goal[c] = target;
        sweepGap = Math.max(sweepGap, relativeGap(totals[c]!, target));
        if (target === 0) factors[c] = 0;
        else if (uncapped[c]! > 0) factors[c] = target / uncapped[c]!;
        else throw noCarrier(attribute, c);
      }
      factors[k] = 1;
      for (let step = 0; step < 100; step++) {
        capTotal.fill(0);
        slope.fill(0);
        for (let j = 0; j < size; j++) {
          const c = codes[j]!;
          const w = factors[c]! * raw[j]!;
          if (w < cap) {
            capTotal[c]! += members[j]! * w;
            slope[c]! += members[j]! * raw[j]!;
          } else capTotal[c]! += members[j]! * cap;
        }
        let moved = false;
        for (let c = 0; c < k; c++) {
          const shortfall = goal[c]! - capTotal[c]!;
          if (shortfall <= goal[c]! * 1e-15) continue;
          if (slope[c] === 0)
            throw new WeightingError(
              'cap_infeasible',
              `${attribute.name} = ${attribute.categories[c]} cannot reach its target with every respondent at the cap`,
              { attribute: attribute.name, category: attribute.categories[c] },
            );
          const next = factors[c]! + shortfall / slope[c]!;
          if (next !== factors[c]) moved = true;
          factors[c] = next;
        }
        if (!moved) break;
      }
      for (let j = 0; j < size; j++) raw[j] = raw[j]! * factors[codes[j]!]!;
    }
    if (sweepGap <= epsilon || iterations === maxIterations) {
      maxMarginError = 0;
      for (const attribute of attributes) {
        accumulateCapped(attribute, raw, members, cap);
        maxMarginError = Math.max(maxMarginError, attributeGap(attribute));
      }
      if (maxMarginError <= epsilon) {
        converged = true;
        break;
      }
    }
  }
  const { cellOf } = cells;
  for (let i = 0; i < n; i++) weights[i] = Math.min(raw[cellOf[i]!]!, cap);
  return { iterations, converged, maxMarginError };
}

function report(prepared: Prepared[], weights: Float64Array): AttributeMargin[] {
  return prepared.map((a) => {
    accumulate(a, weights);
    const answered = answeredTotal(a);
    return {
      attribute: a.name,
      kind: a.kind,
      missing: a.missing,
      categories: a.categories.map((category, c) => ({
        category,
        target: currentTarget(a, c, answered),
        share: a.shares[c]!,
        respondents: a.respondents[c]!,
        weighted: a.totals[c]!,
      })),
    };
  });
}
