import { own, put } from './tally-records.js';
import type { Count, Moments, Tally } from './tally-types.js';

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
