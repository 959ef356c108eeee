import type { Answer, QuestionKind, ResultQuestion } from './types.js';

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

const zeroCount = (): Count => ({ n: 0, w: 0, ww: 0 });
const zeroMoments = (): Moments => ({ n: 0, sw: 0, sx: 0, sxx: 0, swx: 0, swxx: 0, sww: 0 });

// Option ids come from outside: never let one named `__proto__` touch a prototype.
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
function recordOf<T>(keys: readonly string[], make: () => T): Record<string, T> {
  const r: Record<string, T> = {};
  for (const k of keys) put(r, k, make());
  return r;
}

/** An empty tally for a question (every option present with zero counts). */
export function emptyTally(question: ResultQuestion): Tally {
  const head = { v: 1 as const, answered: zeroCount(), skipped: zeroCount() };
  switch (question.kind) {
    case 'single_choice':
    case 'demographic':
      return { ...head, kind: question.kind, options: recordOf(question.options, zeroCount) };
    case 'multiple_choice':
      return { ...head, kind: question.kind, options: recordOf(question.options, zeroCount) };
    case 'likert':
      return {
        ...head,
        kind: question.kind,
        points: [...question.options],
        options: recordOf(question.options, zeroCount),
        moments: zeroMoments(),
      };
    case 'rating':
      if (!(Number.isFinite(question.min) && Number.isFinite(question.max) && question.min < question.max))
        throw new RangeError(`rating scale ${question.min}..${question.max} is not a range`);
      return {
        ...head,
        kind: question.kind,
        min: question.min,
        max: question.max,
        values: {},
        moments: zeroMoments(),
      };
    case 'nps':
      return {
        ...head,
        kind: question.kind,
        scores: recordOf(NPS_SCORES, zeroCount),
        detractors: zeroCount(),
        passives: zeroCount(),
        promoters: zeroCount(),
        moments: zeroMoments(),
      };
    case 'number':
      return { ...head, kind: question.kind, moments: zeroMoments() };
    case 'ranking':
      return {
        ...head,
        kind: question.kind,
        items: recordOf(question.options, () => ({ ...zeroCount(), rankSum: 0, wRankSum: 0 })),
      };
    case 'date':
      return { ...head, kind: question.kind, days: {} };
    case 'short_text':
    case 'long_text':
      return { ...head, kind: question.kind };
  }
}

const NPS_SCORES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isSkipped(answer: Answer): answer is null | undefined | '' | readonly [] {
  if (answer === null || answer === undefined) return true;
  if (typeof answer === 'string') return answer.trim() === '';
  if (Array.isArray(answer)) return answer.length === 0;
  return false;
}

function expectNumber(answer: Answer, kind: string): number {
  if (typeof answer !== 'number') throw new TypeError(`a ${kind} answer must be a number`);
  if (!Number.isFinite(answer)) throw new RangeError(`a ${kind} answer must be finite`);
  return answer;
}

function expectIds(answer: Answer, known: Record<string, unknown>, kind: string): readonly string[] {
  if (!Array.isArray(answer) || !answer.every((x) => typeof x === 'string'))
    throw new TypeError(`a ${kind} answer must be an array of ids`);
  const ids = answer as readonly string[];
  if (new Set(ids).size !== ids.length) throw new RangeError(`a ${kind} answer repeats an id`);
  for (const id of ids) if (!Object.hasOwn(known, id)) throw new RangeError(`unknown ${kind} id ${id}`);
  return ids;
}

function expectOption(answer: Answer, known: Record<string, unknown>, kind: string): string {
  if (typeof answer !== 'string') throw new TypeError(`a ${kind} answer must be an option id`);
  if (!Object.hasOwn(known, answer)) throw new RangeError(`unknown ${kind} option ${answer}`);
  return answer;
}

function bump(c: Count, w: number, sign: number): void {
  c.n += sign;
  c.w += sign * w;
  c.ww += sign * w * w;
  if (c.n === 0) {
    // Removing every answer must give exact zeros back, not floating-point dust.
    c.w = 0;
    c.ww = 0;
  }
}

function bumpMoments(m: Moments, x: number, w: number, sign: number): void {
  m.n += sign;
  m.sw += sign * w;
  m.sx += sign * x;
  m.sxx += sign * x * x;
  m.swx += sign * w * x;
  m.swxx += sign * w * x * x;
  m.sww += sign * w * w;
  if (m.n === 0) Object.assign(m, zeroMoments());
}

function bumpKey(record: Record<string, Count>, key: string, w: number, sign: number): void {
  let c = own(record, key);
  if (!c) {
    c = zeroCount();
    put(record, key, c);
  }
  bump(c, w, sign);
}

// Validates first and changes the tally only once the answer is known to be good, so a thrown error
// never leaves a half-updated tally behind.
function apply(tally: Tally, answer: Answer, weight: number, sign: 1 | -1): void {
  if (!(Number.isFinite(weight) && weight >= 0))
    throw new RangeError(`weight must be finite and >= 0, got ${weight}`);
  if (isSkipped(answer)) {
    bump(tally.skipped, weight, sign);
    return;
  }
  switch (tally.kind) {
    case 'single_choice':
    case 'demographic': {
      const id = expectOption(answer, tally.options, tally.kind);
      bumpKey(tally.options, id, weight, sign);
      break;
    }
    case 'multiple_choice': {
      const ids = expectIds(answer, tally.options, tally.kind);
      for (const id of ids) bumpKey(tally.options, id, weight, sign);
      break;
    }
    case 'likert': {
      const id = expectOption(answer, tally.options, tally.kind);
      const point = tally.points.indexOf(id) + 1;
      if (point === 0) throw new RangeError(`likert option ${id} is not a point of the scale`);
      bumpKey(tally.options, id, weight, sign);
      bumpMoments(tally.moments, point, weight, sign);
      break;
    }
    case 'rating': {
      const x = expectNumber(answer, tally.kind);
      if (x < tally.min || x > tally.max)
        throw new RangeError(`rating ${x} outside ${tally.min}..${tally.max}`);
      bumpKey(tally.values, String(x), weight, sign);
      bumpMoments(tally.moments, x, weight, sign);
      break;
    }
    case 'nps': {
      const x = expectNumber(answer, tally.kind);
      if (!Number.isInteger(x) || x < 0 || x > 10)
        throw new RangeError(`NPS score ${x} is not an integer 0..10`);
      bumpKey(tally.scores, String(x), weight, sign);
      bump(x <= 6 ? tally.detractors : x <= 8 ? tally.passives : tally.promoters, weight, sign);
      bumpMoments(tally.moments, x, weight, sign);
      break;
    }
    case 'number':
      bumpMoments(tally.moments, expectNumber(answer, tally.kind), weight, sign);
      break;
    case 'ranking': {
      const ids = expectIds(answer, tally.items, tally.kind);
      ids.forEach((id, index) => {
        const item = own(tally.items, id);
        if (!item) return;
        bump(item, weight, sign);
        item.rankSum += sign * (index + 1);
        item.wRankSum += sign * weight * (index + 1);
        if (item.n === 0) {
          item.rankSum = 0;
          item.wRankSum = 0;
        }
      });
      break;
    }
    case 'date': {
      if (typeof answer !== 'string') throw new TypeError('a date answer must be a yyyy-mm-dd string');
      const m = ISO_DATE.exec(answer);
      const [y, mo, d] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (!m || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
        throw new RangeError(`${answer} is not a yyyy-mm-dd date`);
      bumpKey(tally.days, answer, weight, sign);
      break;
    }
    case 'short_text':
    case 'long_text':
      if (typeof answer !== 'string') throw new TypeError('a text answer must be a string');
      break;
  }
  bump(tally.answered, weight, sign);
}

/**
 * Adds one respondent's answer (skipped when null, undefined, blank or an empty array) with its weight
 * (default 1). Pure: returns a new tally and leaves `tally` untouched. Throws a TypeError for an answer
 * of the wrong type and a RangeError for an unknown option, an out-of-range number or a bad weight;
 * the survey module validates answers first, so a throw here is a bug. Call it only for respondents who
 * were shown the question (conditional display).
 */
export function addToTally(tally: Tally, answer: Answer, weight = 1): Tally {
  const next = structuredClone(tally);
  apply(next, answer, weight, 1);
  return next;
}

/**
 * Adds many respondents' answers (weight 1 each) in one pass: the batch form of `addToTally`, with the
 * same checks, for a tallier that folds many responses into a stored tally at once. Pure: copies
 * `tally` once and leaves it untouched.
 */
export function addAllToTally(tally: Tally, answers: Iterable<Answer>): Tally {
  const next = structuredClone(tally);
  for (const answer of answers) apply(next, answer, 1, 1);
  return next;
}

/**
 * Takes one respondent's answer back out (a deleted response, a participant who withdrew, or a response
 * moving to another segment). Pure, like `addToTally`; pass the same answer and weight that were added.
 */
export function removeFromTally(tally: Tally, answer: Answer, weight = 1): Tally {
  const next = structuredClone(tally);
  apply(next, answer, weight, -1);
  return next;
}

/** Tallies many answers in one pass (for rebuilding after a re-weighting); mutates only its own new tally. */
export function tallyAnswers(
  question: ResultQuestion,
  answers: Iterable<{ readonly answer: Answer; readonly weight?: number }>,
): Tally {
  const tally = emptyTally(question);
  for (const { answer, weight } of answers) apply(tally, answer, weight ?? 1, 1);
  return tally;
}

function addCount(a: Count, b: Count): Count {
  return { n: a.n + b.n, w: a.w + b.w, ww: a.ww + b.ww };
}

function addMoments(a: Moments, b: Moments): Moments {
  return {
    n: a.n + b.n,
    sw: a.sw + b.sw,
    sx: a.sx + b.sx,
    sxx: a.sxx + b.sxx,
    swx: a.swx + b.swx,
    swxx: a.swxx + b.swxx,
    sww: a.sww + b.sww,
  };
}

function mergeRecords<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  add: (x: T, y: T) => T,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(a)) put(out, key, value);
  for (const [key, value] of Object.entries(b)) {
    const existing = own(out, key);
    put(out, key, existing ? add(existing, value) : value);
  }
  return structuredClone(out);
}

function mismatch(a: Tally, b: Tally): never {
  throw new RangeError(`cannot merge a ${a.kind} tally with a ${b.kind} tally of another shape`);
}

/**
 * Merges two tallies of the same question kind (disjoint sets of respondents: segments, shards or
 * survey versions). Pure. Option sets may differ between versions (the union is kept); Likert points
 * and rating scales must be the same, since their means would not be comparable.
 */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const head = {
    v: 1 as const,
    answered: addCount(a.answered, b.answered),
    skipped: addCount(a.skipped, b.skipped),
  };
  switch (a.kind) {
    case 'single_choice':
    case 'demographic':
      if (b.kind !== a.kind) return mismatch(a, b);
      return { ...head, kind: a.kind, options: mergeRecords(a.options, b.options, addCount) };
    case 'multiple_choice':
      if (b.kind !== a.kind) return mismatch(a, b);
      return { ...head, kind: a.kind, options: mergeRecords(a.options, b.options, addCount) };
    case 'likert':
      if (b.kind !== a.kind || a.points.join('\u0000') !== b.points.join('\u0000')) return mismatch(a, b);
      return {
        ...head,
        kind: a.kind,
        points: [...a.points],
        options: mergeRecords(a.options, b.options, addCount),
        moments: addMoments(a.moments, b.moments),
      };
    case 'rating':
      if (b.kind !== a.kind || a.min !== b.min || a.max !== b.max) return mismatch(a, b);
      return {
        ...head,
        kind: a.kind,
        min: a.min,
        max: a.max,
        values: mergeRecords(a.values, b.values, addCount),
        moments: addMoments(a.moments, b.moments),
      };
    case 'nps':
      if (b.kind !== a.kind) return mismatch(a, b);
      return {
        ...head,
        kind: a.kind,
        scores: mergeRecords(a.scores, b.scores, addCount),
        detractors: addCount(a.detractors, b.detractors),
        passives: addCount(a.passives, b.passives),
        promoters: addCount(a.promoters, b.promoters),
        moments: addMoments(a.moments, b.moments),
      };
    case 'number':
      if (b.kind !== a.kind) return mismatch(a, b);
      return { ...head, kind: a.kind, moments: addMoments(a.moments, b.moments) };
    case 'ranking':
      if (b.kind !== a.kind) return mismatch(a, b);
      return {
        ...head,
        kind: a.kind,
        items: mergeRecords(a.items, b.items, (x, y) => ({
          ...addCount(x, y),
          rankSum: x.rankSum + y.rankSum,
          wRankSum: x.wRankSum + y.wRankSum,
        })),
      };
    case 'date':
      if (b.kind !== a.kind) return mismatch(a, b);
      return { ...head, kind: a.kind, days: mergeRecords(a.days, b.days, addCount) };
    case 'short_text':
    case 'long_text':
      if (b.kind !== a.kind) return mismatch(a, b);
      return { ...head, kind: a.kind };
  }
}

/** Reads a count by key without ever touching a prototype (for option ids from outside). */
export function countOf(record: Record<string, Count>, key: string): Count {
  return own(record, key) ?? zeroCount();
}
