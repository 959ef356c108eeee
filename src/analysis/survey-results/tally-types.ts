import type { QuestionKind } from './types.js';

// A tally is the running aggregate of one question's answers (for one survey version, and for one
// segment when results are broken down). It is plain JSON (numbers, strings, plain objects), so the
// survey module can keep it in a table and update it in the same transaction as the response: the
// results page then reads tallies and never rescans responses. Tallies are mergeable: merging the
// tallies of two disjoint sets of answers equals tallying all the answers, so segments, versions and
// shards combine freely. Every count is kept unweighted (`n`) and weighted (`w`, and `ww` = sum of
// squared weights for Kish's effective n) side by side.
//
// Weights: a weight is a non-negative finite number (1 when unweighted). When the weighting is
// recomputed, weighted sums go stale: rebuild the tallies with `tallyAnswers`.

/** A number of respondents, unweighted (`n`), weighted (`w` = Σw) and the sum of squared weights (`ww` = Σw²). */
export interface Count {
  n: number;
  w: number;
  ww: number;
}

/** Sums for a numeric answer x with weight w: n, Σw, Σx, Σx², Σw·x, Σw·x², Σw². */
export interface Moments {
  n: number;
  sw: number;
  sx: number;
  sxx: number;
  swx: number;
  swxx: number;
  sww: number;
}

/** Sums of ranks given to one ranking item (rank 1 = first), with the respondents who ranked it. */
export interface RankSums extends Count {
  rankSum: number;
  wRankSum: number;
}

interface TallyHead<K extends QuestionKind> {
  /** Format version of the stored JSON. */
  v: 1;
  kind: K;
  /** Respondents who answered. */
  answered: Count;
  /** Respondents who were shown the question and left it empty. */
  skipped: Count;
}

/** Single choice or demographic: respondents per option id. */
export type ChoiceTally = TallyHead<'single_choice' | 'demographic'> & { options: Record<string, Count> };
/** Multiple choice: respondents who ticked each option id (a respondent counts once per ticked option). */
export type MultipleChoiceTally = TallyHead<'multiple_choice'> & { options: Record<string, Count> };
/** Likert: respondents per point, and moments of the point index 1..N. */
export type LikertTally = TallyHead<'likert'> & {
  points: string[];
  options: Record<string, Count>;
  moments: Moments;
};
/** Rating: respondents per value given (keyed by the number as a string) and moments. */
export type RatingTally = TallyHead<'rating'> & {
  min: number;
  max: number;
  values: Record<string, Count>;
  moments: Moments;
};
/** NPS: respondents per score 0..10, the three buckets, and moments of the score. */
export type NpsTally = TallyHead<'nps'> & {
  scores: Record<string, Count>;
  detractors: Count;
  passives: Count;
  promoters: Count;
  moments: Moments;
};
/** Number: moments only (no individual values, so nothing identifying is stored). */
export type NumberTally = TallyHead<'number'> & { moments: Moments };
/** Ranking: per item, sums of ranks and the respondents who ranked it. */
export type RankingTally = TallyHead<'ranking'> & { items: Record<string, RankSums> };
/** Date: respondents per day (`yyyy-mm-dd`); `summarise` rolls days up to months or years. */
export type DateTally = TallyHead<'date'> & { days: Record<string, Count> };
/** Free text: only how many answered; the texts themselves are listed from the responses. */
export type TextTally = TallyHead<'short_text' | 'long_text'>;

/** The aggregate of one question's answers; see the module comment above. */
export type Tally =
  | ChoiceTally
  | MultipleChoiceTally
  | LikertTally
  | RatingTally
  | NpsTally
  | NumberTally
  | RankingTally
  | DateTally
  | TextTally;
