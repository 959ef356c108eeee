import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it, vi } from 'vitest';

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'weighting');
const work = mkdtempSync(join(tmpdir(), 'engine-room-weights-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// Each run starts the CLI (tsx and the app's imports); tests with several runs get room on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `engine-room analyse weights …` as a child process, the way a user does. */
async function weights(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'analyse', 'weights', ...args],
      { env: { ...process.env, LOG_LEVEL: 'silent' }, timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout: string; stderr: string };
    return { code: failure.code ?? -1, stdout: failure.stdout, stderr: failure.stderr };
  }
}

function readWeights(file: string): { id: string; weight: string }[] {
  return parse<{ id: string; weight: string }>(readFileSync(file, 'utf8'), { columns: true });
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

function expectRefused(outcome: Outcome, ...fragments: string[]): void {
  expect(outcome.code).toBe(1);
  expect(outcome.stdout).toBe('');
  for (const fragment of fragments) expect(outcome.stderr).toContain(fragment);
  expect(outcome.stderr).not.toMatch(/\n\s+at /); // no stack trace
}

const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('engine-room analyse weights on the R reference cases', () => {
  it.each(cases)(
    '%s: weights within 1e-6 relative of R, in input order, with the JSON summary',
    async (name) => {
      const dir = join(fixtures, name);
      const info = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as {
        options: { cap?: number; trim?: number } | unknown[];
        r: { deff: number; effectiveSampleSize: number; min: number; max: number };
      };
      const options = Array.isArray(info.options) ? {} : info.options;
      const out = join(work, `${name}.csv`);
      const outcome = await weights([
        '--respondents',
        join(dir, 'respondents.csv'),
        '--margins',
        join(dir, 'margins.csv'),
        '--epsilon',
        '1e-12',
        '--max-iterations',
        '10000',
        ...(options.cap ? ['--cap', String(options.cap)] : []),
        ...(options.trim ? ['--trim', String(options.trim)] : []),
        '--json',
        '--out',
        out,
      ]);
      expect(outcome.stderr).toBe('');
      expect(outcome.code).toBe(0);
      const summary = JSON.parse(outcome.stdout) as Record<string, number | boolean>;
      expect(Object.keys(summary).sort()).toEqual(
        ['converged', 'deff', 'effectiveSampleSize', 'iterations', 'maxWeight', 'minWeight'].sort(),
      );
      expect(summary.converged).toBe(true);
      expect(summary.iterations).toBeGreaterThan(0);
      for (const [key, expected] of [
        ['deff', info.r.deff],
        ['effectiveSampleSize', info.r.effectiveSampleSize],
        ['minWeight', info.r.min],
        ['maxWeight', info.r.max],
      ] as const)
        expect(Math.abs((summary[key] as number) / expected - 1)).toBeLessThan(1e-6);

      const expected = readWeights(join(dir, 'expected-weights.csv'));
      const actual = readWeights(out);
      expect(actual.map((row) => row.id)).toEqual(expected.map((row) => row.id));
      actual.forEach((row, i) => {
        const r = Number(expected[i]!.weight);
        expect(Math.abs(Number(row.weight) - r) / r).toBeLessThan(1e-6);
      });
    },
  );
});

describe('engine-room analyse weights refuses bad input clearly', () => {
  const margins = file(
    'margins.csv',
    'attribute,category,target\nsex,f,500\nsex,m,500\nage,young,300\nage,old,700\n',
  );
  const respondents = file(
    'respondents.csv',
    'id,sex,age\nr1,f,young\nr2,f,old\nr3,m,young\nr4,m,old\nr5,f,old\n',
  );

  it('writes full-precision weights and a readable summary without --json', async () => {
    const out = join(work, 'plain.csv');
    const outcome = await weights(['--respondents', respondents, '--margins', margins, '--out', out]);
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain('converged');
    expect(outcome.stdout).toContain('effective sample size');
    const rows = readWeights(out);
    expect(rows.map((r) => r.id)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(rows.reduce((s, r) => s + Number(r.weight), 0)).toBeCloseTo(1000, 6);
    // round-trip precision: more digits than a fixed 6 decimals would give
    expect(rows.some((r) => r.weight.replace(/^\d+\./, '').length > 8)).toBe(true);
  });

  it('gives line and column of a broken CSV and leaves no out file', async () => {
    const broken = file('broken.csv', 'id,sex,age\nr1,f,young\nr2,"f,old\nr3,m,young\n');
    const out = join(work, 'broken-out.csv');
    expectRefused(
      await weights(['--respondents', broken, '--margins', margins, '--out', out]),
      'broken.csv: line',
      'column 2',
      'Quote Not Closed',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('gives the line of a row with too many fields', async () => {
    const ragged = file('ragged.csv', 'id,sex,age\nr1,f,young\nr2,f,old,extra\n');
    expectRefused(
      await weights(['--respondents', ragged, '--margins', margins, '--out', join(work, 'x.csv')]),
      'line 3',
    );
  });

  it('points at the respondent in a category the population does not list, and keeps an old out file', async () => {
    const unknown = file('unknown.csv', 'id,sex,age\nr1,f,young\nr2,f,old\nr3,x,young\nr4,m,old\n');
    const out = file('kept.csv', 'id,weight\nold,1\n');
    expectRefused(
      await weights(['--respondents', unknown, '--margins', margins, '--out', out]),
      'unknown.csv: line 4, column 2 (sex)',
      'unknown_category',
    );
    expect(readFileSync(out, 'utf8')).toBe('id,weight\nold,1\n');
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses margins whose totals disagree, an empty category with a target, an attribute nobody answered', async () => {
    const disagree = file(
      'disagree.csv',
      'attribute,category,target\nsex,f,500\nsex,m,500\nage,young,300\nage,old,800\n',
    );
    expectRefused(
      await weights(['--respondents', respondents, '--margins', disagree, '--out', join(work, 'x.csv')]),
      'margin_totals_disagree',
    );
    const extra = file(
      'extra.csv',
      'attribute,category,target\nsex,f,500\nsex,m,500\nage,young,300\nage,old,600\nage,middle,100\n',
    );
    expectRefused(
      await weights(['--respondents', respondents, '--margins', extra, '--out', join(work, 'x.csv')]),
      'extra.csv: line 6',
      'empty_category',
    );
    const skipped = file('skipped.csv', 'id,sex,age\nr1,f,\nr2,m,\n');
    expectRefused(
      await weights(['--respondents', skipped, '--margins', margins, '--out', join(work, 'x.csv')]),
      'attribute_all_missing',
    );
  });

  it('refuses bad starting weights and targets with their position', async () => {
    const weighted = file('weighted.csv', 'id,sex,age,weight\nr1,f,young,1\nr2,m,old,abc\n');
    expectRefused(
      await weights(['--respondents', weighted, '--margins', margins, '--out', join(work, 'x.csv')]),
      'weighted.csv: line 3, column 4 (weight)',
    );
    const negative = file('negative.csv', 'attribute,category,target\nsex,f,-5\nsex,m,500\n');
    expectRefused(
      await weights(['--respondents', respondents, '--margins', negative, '--out', join(work, 'x.csv')]),
      'negative.csv: line 2, column 3 (target)',
    );
  });

  it('refuses bad options and missing files', async () => {
    expectRefused(
      await weights([
        '--respondents',
        respondents,
        '--margins',
        margins,
        '--out',
        join(work, 'x.csv'),
        '--cap',
        '0.5',
      ]),
      '--cap',
    );
    expectRefused(
      await weights([
        '--respondents',
        respondents,
        '--margins',
        margins,
        '--out',
        join(work, 'x.csv'),
        '--epsilon',
        'tight',
      ]),
      '--epsilon',
    );
    expectRefused(await weights(['--respondents', respondents, '--margins', margins]), '--out');
    expectRefused(
      await weights([
        '--respondents',
        join(work, 'nope.csv'),
        '--margins',
        margins,
        '--out',
        join(work, 'x.csv'),
      ]),
      'no such file',
    );
    expect(existsSync(join(work, 'x.csv'))).toBe(false);
  });
});
