/**
 * Stable codes for every way a weighting request can be refused. Callers map them to messages (the
 * CLI prints `describeWeightingError`, pages look the code up in their catalogue); the code never changes
 * once released, the English message may.
 */
export type WeightingErrorCode =
  /** No attribute to rake on. */
  | 'no_attributes'
  /** No respondents. */
  | 'no_respondents'
  /** Arrays that must be as long as each other are not (codes, starting weights, categories/targets). */
  | 'length_mismatch'
  /** An option is out of range: epsilon, maxIterations, cap, trim, totalTolerance. */
  | 'invalid_option'
  /** A target is negative, not a finite number, or an attribute's targets are all zero. */
  | 'invalid_target'
  /** A starting weight is negative or not a finite number. */
  | 'invalid_weight'
  /** All starting weights are zero. */
  | 'zero_total_weight'
  /** The same category appears twice in an attribute's margins. */
  | 'duplicate_category'
  /** A margin names an attribute the respondents do not have. */
  | 'unknown_attribute'
  /** A respondent is in a category the population margins do not list. */
  | 'unknown_category'
  /** A category has a non-zero target but no respondent (with a non-zero weight) to carry it. */
  | 'empty_category'
  /** Every respondent skipped the attribute. */
  | 'attribute_all_missing'
  /** Count margins of different attributes add up to different population totals. */
  | 'margin_totals_disagree'
  /** An attribute given as proportions does not add up to 1 (±0.005). */
  | 'proportions_do_not_sum_to_one'
  /** A category's target cannot be reached with every respondent in it at the cap. */
  | 'cap_infeasible'
  /** An attribute has more categories than the raking can index (65,534). */
  | 'too_many_categories';

/** What the error is about, for messages and field-level display. */
export interface WeightingErrorDetails {
  attribute?: string;
  category?: string;
  /** Zero-based respondent index (input order). */
  respondent?: number;
  /** The offending value as given. */
  value?: string | number;
  option?: string;
  /** Population totals per attribute, for `margin_totals_disagree`. */
  totals?: Record<string, number>;
}

/** A refused weighting request: a stable code, details, and an English message. */
export class WeightingError extends Error {
  readonly code: WeightingErrorCode;
  readonly details: WeightingErrorDetails;

  constructor(code: WeightingErrorCode, message: string, details: WeightingErrorDetails = {}) {
    super(message);
    this.name = 'WeightingError';
    this.code = code;
    this.details = details;
  }
}

/** True when the value is a `WeightingError` (also across module copies, by shape). */
export function isWeightingError(error: unknown): error is WeightingError {
  return error instanceof WeightingError;
}
