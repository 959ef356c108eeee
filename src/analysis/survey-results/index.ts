// Survey results: pure statistics over incremental, mergeable tallies. See each file's doc comments.
export type { Answer, Guarded, QuestionKind, ResultQuestion, Suppressed } from './types.js';
export {
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
