import { describe, expect, it } from 'vitest';
import {
  buildRakingProblem,
  detectMarginKind,
  rake,
  summarizeWeights,
  trimWeights,
  WeightingError,
  type MarginRow,
  type RakingOptions,
  type RakingProblem,
  type WeightingErrorCode,
} from './index.js';

/** A small sample: sex and age group of 10 respondents, population counts of 1000. */
function sample(): { columns: Map<string, (string | null)[]>; margins: MarginRow[] } {
  return {
    columns: new Map<string, (string | null)[]>([
      ['sex', ['f', 'f', 'f', 'f', 'f', 'f', 'm', 'm', 'm', 'm']],
      ['age', ['young', 'old', 'old', 'old', 'young', 'old', 'young', 'young', 'old', 'young']],
    ]),
    margins: [
      { attribute: 'sex', category: 'f', target: 500 },
      { attribute: 'sex', category: 'm', target: 500 },
      { attribute: 'age', category: 'young', target: 300 },
      { attribute: 'age', category: 'old', target: 700 },
    ],
  };
}

function weigh(
  columns: Map<string, (string | null)[]>,
  margins: MarginRow[],
  options: RakingOptions = {},
  startWeights?: number[],
) {
  return rake(buildRakingProblem({ columns, startWeights }, margins), { epsilon: 1e-12, ...options });
}

function failure(run: () => unknown): WeightingError {
  try {
    run();
  } catch (error) {
    if (error instanceof WeightingError) return error;
    throw error;
  }
  throw new Error('expected a WeightingError');
}

function expectCode(run: () => unknown, code: WeightingErrorCode): WeightingError {
  const error = failure(run);
  expect(error.code).toBe(code);
  expect(error.message).not.toMatch(/undefined/);
  return error;
}

/** Weighted total of each category of an attribute. */
function weighted(column: readonly (string | null)[], weights: ArrayLike<number>): Map<string, number> {
  const totals = new Map<string, number>();
  column.forEach((value, i) => {
    if (value) totals.set(value, (totals.get(value) ?? 0) + weights[i]!);
  });
  return totals;
}

function expectAllFinite(values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) expect(Number.isFinite(values[i]!)).toBe(true);
}

describe('rake', () => {
  it('meets every margin and reports a summary that follows from the weights', () => {
    const { columns, margins } = sample();
    const result = weigh(columns, margins);
    expect(result.converged).toBe(true);
    expect(result.maxMarginError).toBeLessThanOrEqual(1e-12);
    for (const { attribute, category, target } of margins)
      expect(weighted(columns.get(attribute)!, result.weights).get(category)).toBeCloseTo(target, 8);
    const w = [...result.weights];
    const total = w.reduce((s, x) => s + x, 0);
    const squares = w.reduce((s, x) => s + x * x, 0);
    expect(result.summary.total).toBeCloseTo(1000, 8);
    expect(result.summary.deff).toBeCloseTo((10 * squares) / total ** 2, 12);
    expect(result.summary.effectiveSampleSize).toBeCloseTo(total ** 2 / squares, 12);
    expect(result.summary.minWeight).toBe(Math.min(...w));
    expect(result.summary.maxWeight).toBe(Math.max(...w));
    expect(result.margins.map((m) => m.attribute)).toEqual(['sex', 'age']);
    expect(result.margins[0]!.categories[0]).toMatchObject({ category: 'f', respondents: 6, share: 0.5 });
  });

  it('gives proportional weights for proportions and counts; proportions scale to n, or to the starting weights', () => {
    const { columns, margins } = sample();
    const counts = weigh(columns, margins);
    const shares = margins.map((m) => ({ ...m, target: m.target / 1000 }));
    const byShares = weigh(columns, shares);
    expect(byShares.summary.total).toBeCloseTo(10, 10);
    counts.weights.forEach((w, i) => expect(byShares.weights[i]! * 100).toBeCloseTo(w, 8));
    const start = [1, 2, 3, 1, 2, 3, 1, 2, 3, 4];
    expect(weigh(columns, shares, {}, start).summary.total).toBeCloseTo(22, 10);
    // With one attribute in counts, the proportions follow its total.
    const mixed = [...margins.slice(0, 2), ...shares.slice(2)];
    const byMixed = weigh(columns, mixed);
    counts.weights.forEach((w, i) => expect(byMixed.weights[i]).toBeCloseTo(w, 8));
  });

  it('starts from starting weights: respondents alike in every category keep their ratio', () => {
    const { columns, margins } = sample();
    const start = [1, 2, 3, 1, 2, 3, 1, 2, 3, 4];
    const result = weigh(columns, margins, {}, start);
    // respondents 0 and 4 are both (f, young) with starting weights 1 and 2
    expect(result.weights[4]! / result.weights[0]!).toBeCloseTo(2, 12);
    expect(result.converged).toBe(true);
  });

  it('leaves respondents who skipped an attribute out of it and applies its shares to those who answered', () => {
    const { columns, margins } = sample();
    columns.set('age', ['young', null, 'old', 'old', '', 'old', 'young', 'young', 'old', 'young']);
    const result = weigh(columns, margins);
    expect(result.converged).toBe(true);
    const sex = weighted(columns.get('sex')!, result.weights);
    expect(sex.get('f')).toBeCloseTo(500, 8);
    expect(sex.get('m')).toBeCloseTo(500, 8);
    const age = weighted(columns.get('age')!, result.weights);
    const answered = age.get('young')! + age.get('old')!;
    expect(age.get('young')! / answered).toBeCloseTo(0.3, 10);
    expect(result.summary.total).toBeCloseTo(1000, 8);
    expect(result.margins[1]!.missing).toBe(2);
    expectAllFinite(result.weights);
  });

  it('gives weight 0 to respondents in a category whose target is 0', () => {
    const { columns, margins } = sample();
    columns.set('region', ['n', 'n', 's', 's', 'n', 's', 'x', 'n', 's', 'n']);
    const withRegion = [
      ...margins,
      { attribute: 'region', category: 'n', target: 600 },
      { attribute: 'region', category: 's', target: 400 },
      { attribute: 'region', category: 'x', target: 0 },
    ];
    const result = weigh(columns, withRegion);
    expect(result.weights[6]).toBe(0);
    expect(result.summary.minWeight).toBe(0);
    expect(result.converged).toBe(true);
  });

  it('reports, rather than hides, a raking that has not converged', () => {
    const { columns, margins } = sample();
    const result = weigh(columns, margins, { maxIterations: 1 });
    expect(result.iterations).toBe(1);
    expect(result.converged).toBe(false);
    expect(result.maxMarginError).toBeGreaterThan(1e-12);
    expect(Number.isFinite(result.maxMarginError)).toBe(true);
  });

  it('caps weights inside the iterations and still meets the margins', () => {
    const { columns, margins } = sample();
    const plain = weigh(columns, margins);
    const mean = 100;
    expect(plain.summary.maxWeight).toBeGreaterThan(2.5 * mean);
    const capped = weigh(columns, margins, { cap: 2.5 });
    expect(capped.converged).toBe(true);
    expect(capped.summary.maxWeight).toBeLessThanOrEqual(2.5 * mean * (1 + 1e-12));
    // the one old man is held at the cap; the old women carry the rest of the old: (700 - 250) / 4
    expect(capped.weights[8]).toBeCloseTo(250, 8);
    expect(capped.weights[1]).toBeCloseTo(112.5, 8);
    expect(capped.capped).toBeGreaterThan(0);
    for (const { attribute, category, target } of margins)
      expect(weighted(columns.get(attribute)!, capped.weights).get(category)).toBeCloseTo(target, 6);
  });

  it('trims after raking: keeps the total, nothing above the bound', () => {
    const { columns, margins } = sample();
    const trimmed = weigh(columns, margins, { trim: 1.2 });
    expect(trimmed.summary.total).toBeCloseTo(1000, 8);
    expect(trimmed.summary.maxWeight).toBeLessThanOrEqual(120 * (1 + 1e-12));
    expect(trimmed.trimmed).toBeGreaterThan(0);
  });
});

describe('rake refuses what it cannot weight, with a stable code', () => {
  it('a sample category that is empty but has a target', () => {
    const { columns, margins } = sample();
    margins.push({ attribute: 'age', category: 'middle', target: 100 });
    margins[0]!.target = 550;
    margins[1]!.target = 550;
    const error = expectCode(() => weigh(columns, margins), 'empty_category');
    expect(error.details).toMatchObject({ attribute: 'age', category: 'middle' });
  });

  it('a category whose respondents all have starting weight 0', () => {
    const { columns, margins } = sample();
    expectCode(() => weigh(columns, margins, {}, [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]), 'empty_category');
  });

  it('a sample category absent from the population', () => {
    const { columns, margins } = sample();
    columns.get('sex')![3] = 'x';
    const error = expectCode(() => weigh(columns, margins), 'unknown_category');
    expect(error.details).toMatchObject({ attribute: 'sex', category: 'x', respondent: 3 });
    const coded: RakingProblem = {
      attributes: [{ name: 'a', categories: ['p', 'q'], targets: [1, 1], kind: 'count', codes: [0, 1, 2] }],
    };
    expectCode(() => rake(coded), 'unknown_category');
  });

  it('margins whose totals disagree', () => {
    const { columns, margins } = sample();
    margins[3]!.target = 800;
    const error = expectCode(() => weigh(columns, margins), 'margin_totals_disagree');
    expect(error.details.totals).toEqual({ sex: 1000, age: 1100 });
  });

  it('an attribute every respondent skipped', () => {
    const { columns, margins } = sample();
    columns.set('age', Array<string | null>(10).fill(null));
    expectCode(() => weigh(columns, margins), 'attribute_all_missing');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('a target of %s', (target) => {
    const { columns, margins } = sample();
    margins[0]!.target = target;
    expectCode(() => weigh(columns, margins), 'invalid_target');
  });

  it('an attribute whose targets are all zero', () => {
    const coded: RakingProblem = {
      attributes: [{ name: 'a', categories: ['p', 'q'], targets: [0, 0], kind: 'count', codes: [0, 1] }],
    };
    expectCode(() => rake(coded), 'invalid_target');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('a starting weight of %s', (weight) => {
    const { columns, margins } = sample();
    const error = expectCode(
      () => weigh(columns, margins, {}, [1, 1, weight, 1, 1, 1, 1, 1, 1, 1]),
      'invalid_weight',
    );
    expect(error.details.respondent).toBe(2);
  });

  it('starting weights that are all zero, or too few', () => {
    const { columns, margins } = sample();
    expectCode(() => weigh(columns, margins, {}, Array<number>(10).fill(0)), 'zero_total_weight');
    expectCode(() => weigh(columns, margins, {}, [1, 2]), 'length_mismatch');
  });

  it.each<[RakingOptions, string]>([
    [{ epsilon: 0 }, 'epsilon'],
    [{ epsilon: Number.NaN }, 'epsilon'],
    [{ maxIterations: 0 }, 'maxIterations'],
    [{ maxIterations: 2.5 }, 'maxIterations'],
    [{ cap: 0.5 }, 'cap'],
    [{ trim: Number.NaN }, 'trim'],
    [{ totalTolerance: -1 }, 'totalTolerance'],
  ])('the option %j', (options, option) => {
    const { columns, margins } = sample();
    expect(expectCode(() => weigh(columns, margins, options), 'invalid_option').details.option).toBe(option);
  });

  it('proportions that do not add up to 1, a duplicate category, an unknown attribute', () => {
    const { columns, margins } = sample();
    const coded: RakingProblem = {
      attributes: [
        { name: 'a', categories: ['p', 'q'], targets: [0.5, 0.4], kind: 'proportion', codes: [0, 1] },
      ],
    };
    expectCode(() => rake(coded), 'proportions_do_not_sum_to_one');
    expectCode(
      () => weigh(columns, [...margins, { attribute: 'sex', category: 'f', target: 1 }]),
      'duplicate_category',
    );
    expectCode(
      () => weigh(columns, [...margins, { attribute: 'income', category: 'low', target: 1 }]),
      'unknown_attribute',
    );
  });

  it('no attributes, no respondents, columns of different lengths', () => {
    expectCode(() => rake({ attributes: [] }), 'no_attributes');
    expectCode(() => weigh(new Map(), []), 'no_attributes');
    expectCode(
      () => rake({ attributes: [{ name: 'a', categories: ['p'], targets: [1], kind: 'count', codes: [] }] }),
      'no_respondents',
    );
    const { columns, margins } = sample();
    columns.set('age', columns.get('age')!.slice(1));
    expectCode(() => weigh(columns, margins), 'length_mismatch');
  });

  it('a cap no weighting can respect', () => {
    const { columns, margins } = sample();
    // 4 men must carry 500 of 1000: 125 each, above 1.2 x the mean of 100
    expectCode(() => weigh(columns, margins, { cap: 1.2 }), 'cap_infeasible');
  });
});

describe('detectMarginKind', () => {
  it('reads targets adding up to 1 (±0.005) as proportions, anything else as counts', () => {
    expect(detectMarginKind([0.333, 0.333, 0.333])).toBe('proportion');
    expect(detectMarginKind([0.5, 0.5])).toBe('proportion');
    expect(detectMarginKind([0.5, 0.4])).toBe('count');
    expect(detectMarginKind([40, 60])).toBe('count');
    expect(detectMarginKind([1, 0])).toBe('proportion');
  });
});

describe('trimWeights', () => {
  /** R's trimWeights(strict = TRUE), transcribed line by line. */
  function trimLikeR(pw: number[], upper: number): number[] {
    for (;;) {
      const outside = pw.map((w) => w > upper);
      if (!outside.some(Boolean)) return pw;
      const next = pw.map((w) => Math.min(w, upper));
      const trimmings = pw.reduce((s, w, i) => s + w - next[i]!, 0);
      const inside = outside.filter((o) => !o).length;
      pw = next.map((w, i) => (outside[i] ? w : w + trimmings / inside));
    }
  }

  it('ends where repeating R’s redistribution ends', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) ** 3 * 10;
    for (const multiple of [1.1, 1.5, 2, 3]) {
      const weights = Array.from({ length: 300 }, random);
      const expected = trimLikeR(
        [...weights],
        (multiple * weights.reduce((s, w) => s + w, 0)) / weights.length,
      );
      const actual = Float64Array.from(weights);
      trimWeights(actual, multiple);
      actual.forEach((w, i) => expect(Math.abs(w - expected[i]!) / expected[i]!).toBeLessThan(1e-9));
    }
  });

  it('changes nothing when no weight is above the bound', () => {
    const weights = Float64Array.from([1, 2, 3]);
    expect(trimWeights(weights, 1.5)).toBe(0);
    expect([...weights]).toEqual([1, 2, 3]);
  });
});

describe('summarizeWeights', () => {
  it('has deff 1 and effective size n for equal weights, Kish figures otherwise', () => {
    expect(summarizeWeights([2, 2, 2, 2])).toMatchObject({ deff: 1, effectiveSampleSize: 4, mean: 2 });
    // n Σw² / (Σw)² = 2 · (1 + 9) / 16
    expect(summarizeWeights([1, 3])).toMatchObject({ deff: 1.25, effectiveSampleSize: 1.6, total: 4 });
    expect(() => summarizeWeights([])).toThrow(RangeError);
  });
});
