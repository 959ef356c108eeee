// Test support (not shipped): reads the committed R reference cases in fixtures/weighting/<case>/.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { MarginRow } from './prepare.js';

export const fixturesRoot = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'weighting');

/** One R reference case, as committed. */
export interface FixtureCase {
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
export function fixtureNames(): string[] {
  return readdirSync(fixturesRoot)
    .filter((name) => statSync(join(fixturesRoot, name)).isDirectory())
    .sort();
}

/** Loads one case. */
export function loadFixture(name: string): FixtureCase {
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
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    worst = Math.max(worst, Math.abs(actual[i]! - e) / Math.abs(e));
  }
  return worst;
}
