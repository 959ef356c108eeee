// Representativeness of a sample against population margins: shares, dissimilarity, chi-square,
// an overall score, who is missing, quotas, and validation of typed-in margins. Pure.
export { assessRepresentativeness, compareAttribute, quotaProgress, respondentsNeeded } from './compare.js';
export type {
  AttributeInput,
  AttributeRepresentativeness,
  CategoryRepresentation,
  ChiSquareTest,
  MissingGroup,
  PopulationShare,
  Quota,
  QuotaProgress,
  Representativeness,
  RepresentativenessOptions,
} from './compare.js';
export { chiSquareSurvival, logGamma, regularizedGammaP, regularizedGammaQ } from './gamma.js';
export { validatePopulationMargins, PERCENT_SUM_TOLERANCE } from './margins-form.js';
export type { MarginFieldError, MarginFormInput, MarginFormResult } from './margins-form.js';
