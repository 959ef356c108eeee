// The shapes the survey results analysis is fed. They are deliberately smaller than the survey
// module's own question type, so this folder depends on nothing outside itself: the caller maps its
// question to a `ResultQuestion` (ids only; labels and translations stay with the caller).

/** Every kind of survey question. */
export type QuestionKind =
  | 'single_choice'
  | 'multiple_choice'
  | 'likert'
  | 'rating'
  | 'nps'
  | 'number'
  | 'short_text'
  | 'long_text'
  | 'ranking'
  | 'date'
  | 'demographic';

/**
 * What the analysis needs to know about a question.
 * - choice kinds list their option ids in display order (a demographic question includes its
 *   "prefer not to say" option like any other; it counts in the base of the percentages);
 * - `likert` lists its 5 or 7 points from the lowest to the highest: point i (1-based) is the value i
 *   for the mean;
 * - `ranking` lists the ids of the items being ranked;
 * - `rating` gives its inclusive scale;
 * - `nps` is always 0..10; `number`, text and `date` need nothing more.
 */
export type ResultQuestion =
  | {
      readonly kind: 'single_choice' | 'multiple_choice' | 'demographic';
      readonly options: readonly string[];
    }
  | { readonly kind: 'likert'; readonly options: readonly string[] }
  | { readonly kind: 'ranking'; readonly options: readonly string[] }
  | { readonly kind: 'rating'; readonly min: number; readonly max: number }
  | { readonly kind: 'nps' | 'number' | 'short_text' | 'long_text' | 'date' };

/**
 * One respondent's answer: an option id (single choice, likert, demographic), option ids (multiple
 * choice; ranking: item ids from first to last), a number (rating, nps, number) or a string (text,
 * ISO `yyyy-mm-dd` date). `null` or `undefined` (and an empty string or empty array) means the
 * respondent was shown the question and skipped it.
 */
export type Answer = string | readonly string[] | number | null | undefined;

/** Marker returned in place of numbers that must not be shown: fewer than `k` respondents are behind them. */
export interface Suppressed {
  readonly suppressed: true;
  readonly k: number;
}

/**
 * Either the values, or the suppressed marker. Callers must test `suppressed` before TypeScript lets them
 * read any number, so a suppressed result cannot be displayed by accident.
 */
export type Guarded<T extends object> = Suppressed | ({ readonly suppressed: false } & T);
