import { own, put, recordOf, zeroCount, zeroMoments } from './tally-records.js';
import type { Count, Moments, Tally } from './tally-types.js';
import type { Answer, ResultQuestion } from './types.js';

// Adding and removing answers. The tally types and their module comment are in tally-types.ts; merging
// is in tally-merge.ts. This file re-exports both, so `./tally.js` keeps offering the whole tally API.
export type {
  ChoiceTally,
  Count,
  DateTally,
  LikertTally,
  Moments,
  MultipleChoiceTally,
  NpsTally,
  NumberTally,
  RankingTally,
  RankSums,
  RatingTally,
  Tally,
  TextTally,
} from './tally-types.js';
export { mergeTallies } from './tally-merge.js';
export { countOf } from './tally-records.js';

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
