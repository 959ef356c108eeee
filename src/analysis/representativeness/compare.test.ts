import { describe, expect, it } from 'vitest';
import {
  assessRepresentativeness,
  compareAttribute,
  quotaProgress,
  respondentsNeeded,
  validatePopulationMargins,
} from './index.js';

const age = {
  attribute: 'age',
  population: [
    { category: '18-34', share: 0.3 },
    { category: '35-64', share: 0.5 },
    { category: '65+', share: 0.2 },
  ],
  counts: [
    { category: '18-34', count: 10 },
    { category: '35-64', count: 60 },
    { category: '65+', count: 30 },
  ],
};

describe('compareAttribute', () => {
  it('gives shares, deviations, Δ, the score and expected counts', () => {
    const result = compareAttribute(age);
    expect(result.n).toBe(100);
    expect(result.categories.map((c) => c.sampleShare)).toEqual([0.1, 0.6, 0.3]);
    expect(result.categories[0]!.deviation).toBeCloseTo(-0.2, 12);
    expect(result.categories[0]!.absoluteDeviation).toBeCloseTo(0.2, 12);
    expect(result.categories.map((c) => c.expected)).toEqual([30, 50, 20]);
    // ½ (0.2 + 0.1 + 0.1)
    expect(result.dissimilarity).toBeCloseTo(0.2, 12);
    expect(result.score).toBeCloseTo(80, 10);
  });

  it('tests goodness of fit like R’s chisq.test', () => {
    // R: chisq.test(c(10, 60, 30), p = c(0.3, 0.5, 0.2)) gives X-squared = 20.33333, p = 3.8409e-05
    const { chiSquare } = compareAttribute(age);
    expect(chiSquare!.statistic).toBeCloseTo(400 / 30 + 100 / 50 + 100 / 20, 10);
    expect(chiSquare!.degreesOfFreedom).toBe(2);
    expect(chiSquare!.pValue).toBeCloseTo(Math.exp(-chiSquare!.statistic / 2), 14);
    expect(chiSquare!.smallExpected).toBe(false);
  });

  it('lists who is missing beyond the threshold, with the exact number needed', () => {
    const result = compareAttribute(age, { threshold: 0.05 });
    expect(result.missing).toEqual([
      expect.objectContaining({ attribute: 'age', category: '18-34', count: 10, needed: 29 }),
    ]);
    // 29 more: 39 / 129 = 0.3023 ≥ 0.3, while 38 / 128 = 0.2969 is not
    expect(39 / 129).toBeGreaterThanOrEqual(0.3);
    expect(38 / 128).toBeLessThan(0.3);
    expect(compareAttribute(age, { threshold: 0.25 }).missing).toEqual([]);
  });

  it('keeps respondents in unlisted categories out of the shares and counts them', () => {
    const result = compareAttribute({
      ...age,
      counts: new Map([...age.counts.map((c) => [c.category, c.count] as const), ['unknown', 7]]),
    });
    expect(result.n).toBe(100);
    expect(result.outside).toBe(7);
  });

  it('handles an empty sample without NaN: everyone is missing, one respondent each to start', () => {
    const result = compareAttribute({ ...age, counts: [] });
    expect(result.dissimilarity).toBeNull();
    expect(result.score).toBeNull();
    expect(result.chiSquare).toBeNull();
    expect(result.categories.every((c) => c.sampleShare === 0)).toBe(true);
    expect(result.missing.map((m) => m.needed)).toEqual([1, 1, 1]);
  });

  it('gives p = 0 when respondents are in a category with population share 0', () => {
    const result = compareAttribute({
      attribute: 'x',
      population: [
        { category: 'a', share: 0.5 },
        { category: 'b', share: 0.5 },
        { category: 'c', share: 0 },
      ],
      counts: [
        { category: 'a', count: 5 },
        { category: 'b', count: 5 },
        { category: 'c', count: 1 },
      ],
    });
    expect(result.chiSquare).toMatchObject({
      statistic: Infinity,
      pValue: 0,
      degreesOfFreedom: 1,
      smallExpected: false,
    });
  });

  it('reports quota progress per category', () => {
    const result = compareAttribute({
      ...age,
      quotas: [
        { category: '18-34', target: 25 },
        { category: '65+', target: 20 },
      ],
    });
    expect(result.categories[0]!.quota).toEqual({
      target: 25,
      count: 10,
      remaining: 15,
      progress: 0.4,
      met: false,
    });
    expect(result.categories[2]!.quota).toMatchObject({ remaining: 0, progress: 1, met: true });
    expect(result.categories[1]!.quota).toBeUndefined();
  });
});

describe('assessRepresentativeness', () => {
  it('scores 100 · (1 − mean Δ) and merges the missing lists, most needed first', () => {
    const sex = {
      attribute: 'sex',
      population: [
        { category: 'f', share: 0.5 },
        { category: 'm', share: 0.5 },
      ],
      counts: [
        { category: 'f', count: 45 },
        { category: 'm', count: 55 },
      ],
    };
    const result = assessRepresentativeness([age, sex, { ...sex, attribute: 'empty', counts: [] }]);
    expect(result.score).toBeCloseTo(100 * (1 - (0.2 + 0.05) / 2), 10);
    expect(result.missing.map((m) => `${m.attribute}:${m.category}:${m.needed}`)).toEqual([
      'age:18-34:29',
      'sex:f:10',
      'empty:f:1',
      'empty:m:1',
    ]);
    expect(assessRepresentativeness([]).score).toBeNull();
  });
});

describe('respondentsNeeded', () => {
  it('is the smallest m with (count + m) / (n + m) ≥ p, checked against integer arithmetic', () => {
    for (let n = 0; n <= 60; n += 3) {
      for (let count = 0; count <= n; count += 2) {
        for (let permille = 0; permille <= 1000; permille += 37) {
          const p = permille / 1000;
          let m = 0;
          // exact: (count + m) · 1000 ≥ permille · (n + m), and not 0 / 0
          while (!((n + m > 0 || permille === 0) && (count + m) * 1000 >= permille * (n + m))) m++;
          expect(respondentsNeeded(count, n, p)).toBe(m);
        }
      }
    }
  });

  it('is exact at the boundary of decimal shares and null when impossible', () => {
    expect(respondentsNeeded(0, 7, 0.3)).toBe(3); // 3 / 10 = 0.3 exactly
    expect(respondentsNeeded(1, 9, 0.1)).toBe(0);
    expect(respondentsNeeded(5, 10, 1)).toBeNull();
    expect(respondentsNeeded(10, 10, 1)).toBe(0);
    expect(() => respondentsNeeded(5, 4, 0.5)).toThrow(RangeError);
    expect(() => respondentsNeeded(1, 4, 1.5)).toThrow(RangeError);
  });
});

describe('quotaProgress', () => {
  it('counts what remains and never exceeds 100 %', () => {
    expect(quotaProgress(30, 20)).toEqual({ target: 20, count: 30, remaining: 0, progress: 1, met: true });
    expect(quotaProgress(0, 0)).toMatchObject({ progress: 1, met: true });
    expect(() => quotaProgress(1, -1)).toThrow(RangeError);
  });
});

describe('validatePopulationMargins', () => {
  const categories = ['18-34', '35-64', '65+'];

  it('accepts percentages that make 100 ± 0.5 and returns proportions adding up to 1', () => {
    const result = validatePopulationMargins({
      categories,
      shares: [
        { category: '18-34', percent: '33,3' },
        { category: '35-64', percent: 33.3 },
        { category: '65+', percent: '33.3 %' },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.shares.map((s) => s.share.toFixed(6))).toEqual(['0.333333', '0.333333', '0.333333']);
    expect(result.shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 14);
  });

  it('gives an untyped known category share 0', () => {
    const result = validatePopulationMargins({
      categories,
      shares: [
        { category: '18-34', percent: 40 },
        { category: '35-64', percent: 60 },
      ],
    });
    expect(result).toEqual({
      ok: true,
      shares: [
        { category: '18-34', share: 0.4 },
        { category: '35-64', share: 0.6 },
        { category: '65+', share: 0 },
      ],
    });
  });

  it('names every field with a problem', () => {
    const result = validatePopulationMargins({
      categories,
      shares: [
        { category: '18-34', percent: '' },
        { category: '18-34', percent: 'abc' },
        { category: 'teen', percent: -1 },
        { category: '65+', percent: 120 },
        { category: ' ', percent: 1 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'shares.0.percent', code: 'required' },
        { field: 'shares.1.category', code: 'duplicateCategory', params: { category: '18-34' } },
        { field: 'shares.1.percent', code: 'notANumber' },
        { field: 'shares.2.category', code: 'unknownCategory', params: { category: 'teen' } },
        { field: 'shares.2.percent', code: 'negative' },
        { field: 'shares.3.percent', code: 'tooLarge', params: { max: 100 } },
        { field: 'shares.4.category', code: 'required' },
      ],
    });
  });

  it('refuses a sum off 100 by more than 0.5', () => {
    const shares = [
      { category: '18-34', percent: 30 },
      { category: '35-64', percent: 50 },
      { category: '65+', percent: 19.4 },
    ];
    expect(validatePopulationMargins({ categories, shares })).toEqual({
      ok: false,
      errors: [{ field: 'shares', code: 'sumNot100', params: { sum: 99.4, tolerance: 0.5 } }],
    });
    shares[2]!.percent = 19.6;
    expect(validatePopulationMargins({ categories, shares }).ok).toBe(true);
  });
});
