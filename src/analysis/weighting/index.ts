// Raking (iterative proportional fitting) of respondents to population margins. Pure: fed arrays,
// returns weights and a report; see rake.ts for the rules.
export { rake, MISSING } from './rake.js';
export type {
  AttributeMargin,
  CategoryMargin,
  MarginKind,
  RakingAttribute,
  RakingOptions,
  RakingProblem,
  RakingResult,
} from './rake.js';
export { buildRakingProblem, detectMarginKind, groupMargins } from './prepare.js';
export type { MarginRow, RespondentColumns } from './prepare.js';
export { summarizeWeights } from './summary.js';
export type { WeightSummary } from './summary.js';
export { trimWeights } from './trim.js';
export { WeightingError, isWeightingError } from './errors.js';
export type { WeightingErrorCode, WeightingErrorDetails } from './errors.js';
