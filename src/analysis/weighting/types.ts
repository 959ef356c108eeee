import type { WeightSummary } from './summary.js';

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
