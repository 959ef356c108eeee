import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { MarginRow } from './prepare.js';
import { buildRakingProblem, rake } from './index.js';

// The committed R reference cases in fixtures/weighting/<case>/ (see generate.R there).
const fixturesRoot = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'weighting');

/** One R reference case, as committed. */
interface FixtureCase {
  name: string;
  dir: string;
  attributes: string[];
  columns: Map<string, string[]>;
  ids: string[];
  startWeights: number[] | undefined;
  margins: MarginRow[];
  expected: Map<string, number>;
  options: { cap?: number; trim?: number };
  r: { sum: number; min: number; max: number; deff: number; effectiveSampleSize: number };
}

function readCsv(path: string): Record<string, string>[] {
  return parse<Record<string, string>>(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true });
}

/** Every case directory under fixtures/weighting. */
function fixtureNames(): string[] {
  return readdirSync(fixturesRoot)
    .filter((name) => statSync(join(fixturesRoot, name)).isDirectory())
    .sort();
}

/** Loads one case. */
function loadFixture(name: string): FixtureCase {
  const dir = join(fixturesRoot, name);
  const info = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as {
    attributes: string[];
    startingWeights: boolean;
    options: { cap?: number; trim?: number } | unknown[];
    r: FixtureCase['r'];
  };
  const rows = readCsv(join(dir, 'respondents.csv'));
  const columns = new Map(info.attributes.map((a) => [a, rows.map((row) => row[a] ?? '')]));
  const margins = readCsv(join(dir, 'margins.csv')).map((row) => ({
    attribute: row.attribute ?? '',
    category: row.category ?? '',
    target: Number(row.target),
  }));
  const expected = new Map(
    readCsv(join(dir, 'expected-weights.csv')).map((row) => [row.id ?? '', Number(row.weight)]),
  );
  return {
    name,
    dir,
    attributes: info.attributes,
    columns,
    ids: rows.map((row) => row.id ?? ''),
    startWeights: info.startingWeights ? rows.map((row) => Number(row.weight)) : undefined,
    margins,
    expected,
    // jsonlite writes an empty named list as []
    options: Array.isArray(info.options) ? {} : info.options,
    r: info.r,
  };
}

/** Largest |a − b| / |b| over paired values. */
function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - e) / Math.abs(e));
  }
  return worst;
}

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
