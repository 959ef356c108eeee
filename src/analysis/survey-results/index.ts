// Survey results: pure statistics over incremental, mergeable tallies. See each file's doc comments.
export type { Answer, Guarded, QuestionKind, ResultQuestion, Suppressed } from './types.js';
export {
  addAllToTally,
  addToTally,
  countOf,
  emptyTally,
  mergeTallies,
  removeFromTally,
  tallyAnswers,
  type Count,
  type Moments,
  type RankSums,
  type Tally,
} from './tally.js';
export { normalQuantile, studentTCdf, studentTQuantile } from './student-t.js';
export { checkK, suppressCells, suppressRows } from './suppression.js';
export {
  breakdown,
  meanEstimate,
  roundHalfAwayFromZero,
  summarise,
  type Breakdown,
  type CellValues,
  type KeyedCell,
  type MeanEstimate,
  type NpsScore,
  type QuestionSummary,
  type RankedItem,
  type SegmentTally,
  type SummaryOptions,
} from './summarise.js';
export { foldForSearch, searchTexts, textsVisible, visibleTextSegments } from './texts.js';
export { funnel, funnelsBy, type FunnelCounts, type FunnelValues } from './funnel.js';
