// Influence metrics and the token-risk flag of initiatives and organizations. Pure.
export {
  combineInfluenceData,
  computeInfluence,
  daysBetween,
  defaultThresholds,
  isTokenRisk,
  median,
  thresholdProblems,
} from './metrics.js';
export type {
  DecisionRef,
  InfluenceData,
  InfluenceMetrics,
  InputRef,
  LinkRef,
  ReviewRef,
  TokenRiskThresholds,
} from './metrics.js';
