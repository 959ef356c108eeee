import { chiSquareSurvival } from './gamma.js';

/** One category's share of the population (a proportion; an attribute's shares add up to 1). */
export interface PopulationShare {
  category: string;
  share: number;
}

/** A quota: how many respondents a category should reach. */
export interface Quota {
  category: string;
  target: number;
}

/** Progress towards a quota. */
export interface QuotaProgress {
  target: number;
  count: number;
  /** Respondents still to find (0 once met). */
  remaining: number;
  /** count / target, at most 1; 1 for a target of 0. */
  progress: number;
  met: boolean;
}

/** What is known about one attribute: its population shares and the sample's counts per category. */
export interface AttributeInput {
  attribute: string;
  population: readonly PopulationShare[];
  /** Respondents per category. Respondents who skipped the attribute are simply not counted. */
  counts: ReadonlyMap<string, number> | readonly { category: string; count: number }[];
  quotas?: readonly Quota[] | undefined;
}

/** How the sample compares with the population on one category. */
export interface CategoryRepresentation {
  category: string;
  count: number;
  sampleShare: number;
  populationShare: number;
  /** sampleShare − populationShare: negative when under-represented. */
  deviation: number;
  absoluteDeviation: number;
  /** Respondents the category would have if the sample mirrored the population: n · populationShare. */
  expected: number;
  quota?: QuotaProgress;
}

/** A category under-represented beyond the threshold, and what it would take to bring it to its share. */
export interface MissingGroup {
  attribute: string;
  category: string;
  count: number;
  sampleShare: number;
  populationShare: number;
  /** populationShare − sampleShare. */
  shortfall: number;
  /**
   * Fewest extra respondents from this category, all else equal, that bring its share to the
   * population share: the smallest integer m with (count + m) / (n + m) ≥ populationShare. `null` when
   * no number can (a population share of 1 while others have respondents).
   */
  needed: number | null;
}

/** Chi-square goodness of fit of the sample's counts to the population shares. */
export interface ChiSquareTest {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  /** Some expected count is below 5, where the chi-square approximation is rough. */
  smallExpected: boolean;
}

/** One attribute's representativeness. */
export interface AttributeRepresentativeness {
  attribute: string;
  /** Respondents in categories the population lists (the base of the shares). */
  n: number;
  /** Respondents in categories the population does not list; left out of the shares and tests. */
  outside: number;
  categories: CategoryRepresentation[];
  /** Δ = ½ Σ |p_sample − p_population|, the share of the sample that would have to move; null when n = 0. */
  dissimilarity: number | null;
  /** 100 · (1 − Δ); null when n = 0. */
  score: number | null;
  /**
   * Null when n = 0 or fewer than two categories have a population share. When respondents are in a
   * category whose population share is 0 the statistic is Infinity and the p-value 0.
   */
  chiSquare: ChiSquareTest | null;
  missing: MissingGroup[];
}

/** Representativeness over all attributes. */
export interface Representativeness {
  attributes: AttributeRepresentativeness[];
  /**
   * Overall score, 0–100: 100 · (1 − mean Δ) over the attributes with respondents. 100 means the sample
   * mirrors the population on every attribute; 90 means that on average a tenth of the respondents would
   * have to be in another category for it to. Null when no attribute has respondents.
   */
  score: number | null;
  /** Every attribute's missing groups, most needed first. */
  missing: MissingGroup[];
}

/** Options for the comparison. */
export interface RepresentativenessOptions {
  /**
   * A category is missing when its population share exceeds its sample share by more than this
   * (absolute, as a proportion). Default 0.02, two percentage points.
   */
  threshold?: number;
}

const DEFAULT_THRESHOLD = 0.02;
/** Shares come from decimal input (0.3 is not exactly representable); equality up to this counts as met. */
const SHARE_TOLERANCE = 1e-12;

/**
 * The fewest extra respondents from one category that bring its share to `populationShare`: the smallest
 * integer m ≥ 0 with (count + m) / (n + m) ≥ populationShare, solved exactly (m = ⌈(p·n − count)/(1 − p)⌉,
 * then checked on both sides) with a 1e-12 relative tolerance on the comparison so decimal shares such as
 * 0.3 behave as written. Returns null when no m can (p = 1 while other categories have respondents).
 */
export function respondentsNeeded(count: number, n: number, populationShare: number): number | null {
  if (!(Number.isInteger(count) && Number.isInteger(n) && count >= 0 && count <= n))
    throw new RangeError(`count and n must be whole numbers with 0 ≤ count ≤ n (got ${count}, ${n})`);
  if (!(populationShare >= 0 && populationShare <= 1))
    throw new RangeError(`the population share must be between 0 and 1 (got ${populationShare})`);
  const reaches = (m: number): boolean =>
    n + m > 0 ? count + m >= populationShare * (n + m) * (1 - SHARE_TOLERANCE) : populationShare === 0;
  if (reaches(0)) return 0;
  if (populationShare >= 1) return count === n ? 1 : null;
  let m = Math.max(1, Math.ceil((populationShare * n - count) / (1 - populationShare)));
  while (m > 1 && reaches(m - 1)) m--;
  while (!reaches(m)) m++;
  return m;
}

/** Progress of a count towards a quota. */
export function quotaProgress(count: number, target: number): QuotaProgress {
  if (!(target >= 0 && Number.isFinite(target)))
    throw new RangeError(`a quota must be zero or more (got ${target})`);
  return {
    target,
    count,
    remaining: Math.max(0, target - count),
    progress: target > 0 ? Math.min(1, count / target) : 1,
    met: count >= target,
  };
}

function countsOf(counts: AttributeInput['counts']): Map<string, number> {
  if (counts instanceof Map) return new Map(counts as ReadonlyMap<string, number>);
  const map = new Map<string, number>();
  for (const { category, count } of counts as readonly { category: string; count: number }[])
    map.set(category, (map.get(category) ?? 0) + count);
  return map;
}

/**
 * Compares one attribute's sample with its population: shares, deviations, dissimilarity index,
 * chi-square goodness of fit, score, missing groups and quota progress. Population shares are taken as
 * given (validate them with `validatePopulationMargins`); counts must be whole numbers ≥ 0.
 */
export function compareAttribute(
  input: AttributeInput,
  options: RepresentativenessOptions = {},
): AttributeRepresentativeness {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1))
    throw new RangeError(`threshold must be between 0 and 1 (got ${threshold})`);
  const counts = countsOf(input.counts);
  for (const [category, count] of counts)
    if (!(Number.isInteger(count) && count >= 0))
      throw new RangeError(
        `the count of ${input.attribute} = ${category} must be a whole number ≥ 0 (got ${count})`,
      );
  const listed = new Set(input.population.map((p) => p.category));
  let n = 0;
  let outside = 0;
  for (const [category, count] of counts) {
    if (listed.has(category)) n += count;
    else outside += count;
  }
  const quotas = new Map((input.quotas ?? []).map((q) => [q.category, q.target]));

  const categories: CategoryRepresentation[] = input.population.map(({ category, share }) => {
    const count = counts.get(category) ?? 0;
    const sampleShare = n > 0 ? count / n : 0;
    const deviation = sampleShare - share;
    const quota = quotas.get(category);
    return {
      category,
      count,
      sampleShare,
      populationShare: share,
      deviation,
      absoluteDeviation: Math.abs(deviation),
      expected: n * share,
      ...(quota === undefined ? {} : { quota: quotaProgress(count, quota) }),
    };
  });

  const dissimilarity = n > 0 ? categories.reduce((s, c) => s + c.absoluteDeviation, 0) / 2 : null;
  const missing: MissingGroup[] = categories
    .filter((c) => c.populationShare - c.sampleShare > threshold)
    .map((c) => ({
      attribute: input.attribute,
      category: c.category,
      count: c.count,
      sampleShare: c.sampleShare,
      populationShare: c.populationShare,
      shortfall: c.populationShare - c.sampleShare,
      needed: respondentsNeeded(c.count, n, c.populationShare),
    }))
    .sort(byNeed);

  return {
    attribute: input.attribute,
    n,
    outside,
    categories,
    dissimilarity,
    score: dissimilarity === null ? null : 100 * (1 - dissimilarity),
    chiSquare: n > 0 ? chiSquare(categories) : null,
    missing,
  };
}

function byNeed(a: MissingGroup, b: MissingGroup): number {
  return (b.needed ?? Infinity) - (a.needed ?? Infinity) || b.shortfall - a.shortfall;
}

function chiSquare(categories: CategoryRepresentation[]): ChiSquareTest | null {
  const tested = categories.filter((c) => c.populationShare > 0);
  if (tested.length < 2) return null;
  const degreesOfFreedom = tested.length - 1;
  const smallExpected = tested.some((c) => c.expected < 5);
  if (categories.some((c) => c.populationShare === 0 && c.count > 0))
    return { statistic: Infinity, degreesOfFreedom, pValue: 0, smallExpected };
  const statistic = tested.reduce((s, c) => s + (c.count - c.expected) ** 2 / c.expected, 0);
  return {
    statistic,
    degreesOfFreedom,
    pValue: chiSquareSurvival(statistic, degreesOfFreedom),
    smallExpected,
  };
}

/** Compares every attribute and combines them into an overall score and one "who is missing" list. */
export function assessRepresentativeness(
  inputs: readonly AttributeInput[],
  options: RepresentativenessOptions = {},
): Representativeness {
  const attributes = inputs.map((input) => compareAttribute(input, options));
  const scored = attributes.filter((a) => a.dissimilarity !== null);
  const score =
    scored.length > 0 ? 100 * (1 - scored.reduce((s, a) => s + a.dissimilarity!, 0) / scored.length) : null;
  return { attributes, score, missing: attributes.flatMap((a) => a.missing).sort(byNeed) };
}
