import { describe, expect, it } from 'vitest';
import { buildRakingProblem, rake } from './index.js';
import { fixtureNames, loadFixture, maxRelativeError } from './fixtures.test-support.js';

const names = fixtureNames();

describe('raking matches R (survey::rake, calibrate with bounds, trimWeights) on real data', () => {
  it('has the committed cases: plain, starting weights, proportions, capped, trimmed', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    const cases = names.map(loadFixture);
    expect(cases.some((c) => c.startWeights)).toBe(true);
    expect(cases.some((c) => c.options.cap !== undefined)).toBe(true);
    expect(cases.some((c) => c.options.trim !== undefined)).toBe(true);
    expect(
      cases.filter((c) => !c.startWeights && !c.options.cap && !c.options.trim).length,
    ).toBeGreaterThanOrEqual(3);
  });

  it.each(names)('%s: weights within 1e-6 relative of R', (name) => {
    const fixture = loadFixture(name);
    const problem = buildRakingProblem(
      { columns: fixture.columns, startWeights: fixture.startWeights },
      fixture.margins,
    );
    const result = rake(problem, { epsilon: 1e-12, maxIterations: 10_000, ...fixture.options });
    expect(result.converged).toBe(true);
    const expected = fixture.ids.map((id) => fixture.expected.get(id)!);
    const error = maxRelativeError(result.weights, expected);
    expect(error).toBeLessThan(1e-6);
    // The summary is computed from the same weights R summarised.
    expect(result.summary.total).toBeCloseTo(fixture.r.sum, 4);
    expect(result.summary.deff / fixture.r.deff - 1).toBeLessThan(1e-6);
    expect(Math.abs(result.summary.effectiveSampleSize / fixture.r.effectiveSampleSize - 1)).toBeLessThan(
      1e-6,
    );
    expect(Math.abs(result.summary.maxWeight / fixture.r.max - 1)).toBeLessThan(1e-6);
    expect(Math.abs(result.summary.minWeight / fixture.r.min - 1)).toBeLessThan(1e-6);
    if (fixture.options.cap) {
      expect(result.capped).toBeGreaterThan(0);
      expect(result.summary.maxWeight).toBeLessThanOrEqual(
        ((fixture.options.cap * result.summary.total) / result.summary.n) * (1 + 1e-12),
      );
    }
    if (fixture.options.trim) expect(result.trimmed).toBeGreaterThan(0);
  });
});
