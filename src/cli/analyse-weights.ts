import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  buildRakingProblem,
  rake,
  WeightingError,
  type MarginRow,
  type RakingResult,
} from '../analysis/weighting/index.js';

interface WeightsOptions {
  respondents: string;
  margins: string;
  out: string;
  cap?: number;
  trim?: number;
  epsilon: number;
  maxIterations: number;
  json?: boolean;
}

/** A refusal the user can act on: printed as is, without a stack trace. */
class InputError extends Error {}

/** A parsed CSV file: header, rows, and the line each row ends on (for messages). */
interface Table {
  file: string;
  header: string[];
  rows: string[][];
  lines: number[];
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
};

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? code ?? String(error);
}

function numberOption(name: string, check: (value: number) => boolean, expected: string) {
  return (text: string): number => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!check(value)) throw new InvalidArgumentError(`${name} must be ${expected}.`);
    return value;
  };
}

async function readTable(file: string): Promise<Table> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${reason(error)}`);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, csv-parse returns { record, info } per row; its types do not model that option.
    const parsed: unknown = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true });
    records = parsed as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const where = (error as CsvError & { lines?: number; column?: number }).lines;
      const column = (error as CsvError & { column?: number }).column;
      const columnText =
        error.code !== 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && typeof column === 'number'
          ? `, column ${column + 1}`
          : '';
      throw new InputError(`${file}: line ${where ?? '?'}${columnText}: ${error.message}`);
    }
    throw error;
  }
  const [head, ...rest] = records;
  if (!head) throw new InputError(`${file} is empty; it needs a header line`);
  return {
    file,
    header: head.record,
    rows: rest.map((r) => r.record),
    lines: rest.map((r) => r.info.lines),
  };
}

function columnIndex(table: Table, name: string, required: true): number;
function columnIndex(table: Table, name: string, required: false): number | undefined;
function columnIndex(table: Table, name: string, required: boolean): number | undefined {
  const index = table.header.indexOf(name);
  if (index >= 0) {
    if (table.header.indexOf(name, index + 1) >= 0)
      throw new InputError(`${table.file}: line 1: the column ${name} appears twice`);
    return index;
  }
  if (required)
    throw new InputError(
      `${table.file}: line 1: there is no ${name} column (the header has ${table.header.join(', ')})`,
    );
  return undefined;
}

function at(table: Table, row: number, column: number): string {
  return `${table.file}: line ${table.lines[row]}, column ${column + 1} (${table.header[column]})`;
}

function parseNumber(table: Table, row: number, column: number, what: string): number {
  const text = table.rows[row]![column] ?? '';
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new InputError(
      `${at(table, row, column)}: ${text === '' ? `the ${what} is empty` : `"${text}" is not a ${what} (a number of 0 or more)`}`,
    );
  return value;
}

function readMargins(table: Table): { margins: MarginRow[]; lineOf: Map<string, number> } {
  const attribute = columnIndex(table, 'attribute', true);
  const category = columnIndex(table, 'category', true);
  const target = columnIndex(table, 'target', true);
  const lineOf = new Map<string, number>();
  const margins = table.rows.map((row, i) => {
    const name = row[attribute] ?? '';
    const label = row[category] ?? '';
    if (name === '') throw new InputError(`${at(table, i, attribute)}: the attribute is empty`);
    if (label === '') throw new InputError(`${at(table, i, category)}: the category is empty`);
    lineOf.set(`${name}\u0000${label}`, table.lines[i]!);
    return { attribute: name, category: label, target: parseNumber(table, i, target, 'target') };
  });
  if (margins.length === 0) throw new InputError(`${table.file} has no margins below its header`);
  return { margins, lineOf };
}

/** Says where a refusal from the analysis comes from, in the files the user gave. */
function locate(
  error: WeightingError,
  respondents: Table,
  margins: { file: string; lineOf: Map<string, number> },
): string {
  const { attribute, category, respondent } = error.details;
  if (respondent !== undefined && respondents.lines[respondent] !== undefined) {
    const column =
      error.code === 'invalid_weight'
        ? respondents.header.indexOf('weight')
        : attribute === undefined
          ? -1
          : respondents.header.indexOf(attribute);
    return column >= 0
      ? `${at(respondents, respondent, column)}: `
      : `${respondents.file}: line ${respondents.lines[respondent]}: `;
  }
  if (attribute !== undefined && category !== undefined) {
    const line = margins.lineOf.get(`${attribute}\u0000${category}`);
    if (line !== undefined) return `${margins.file}: line ${line}: `;
  }
  return '';
}

async function writeAtomically(file: string, text: string): Promise<void> {
  // Write beside the target and rename, so a failure never leaves a half-written weights file.
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new InputError(`cannot write ${file}: ${reason(error)}`);
  }
}

function summary(result: RakingResult) {
  return {
    iterations: result.iterations,
    converged: result.converged,
    deff: result.summary.deff,
    effectiveSampleSize: result.summary.effectiveSampleSize,
    minWeight: result.summary.minWeight,
    maxWeight: result.summary.maxWeight,
  };
}

async function run(options: WeightsOptions): Promise<void> {
  const respondents = await readTable(options.respondents);
  const marginTable = await readTable(options.margins);
  const { margins, lineOf } = readMargins(marginTable);

  const id = columnIndex(respondents, 'id', true);
  const weight = columnIndex(respondents, 'weight', false);
  const seen = new Map<string, number>();
  respondents.rows.forEach((row, i) => {
    const value = row[id] ?? '';
    if (value === '') throw new InputError(`${at(respondents, i, id)}: the id is empty`);
    const earlier = seen.get(value);
    if (earlier !== undefined)
      throw new InputError(
        `${at(respondents, i, id)}: the id ${value} is also on line ${respondents.lines[earlier]}`,
      );
    seen.set(value, i);
  });
  if (respondents.rows.length === 0)
    throw new InputError(`${respondents.file} has no respondents below its header`);

  const attributes = new Set(margins.map((m) => m.attribute));
  const columns = new Map<string, string[]>();
  respondents.header.forEach((name, c) => {
    if (c === id || c === weight) return;
    if (!attributes.has(name)) {
      console.error(
        `note: ${respondents.file} column ${name} has no margins in ${marginTable.file}; it is not used`,
      );
      return;
    }
    columns.set(
      name,
      respondents.rows.map((row) => row[c] ?? ''),
    );
  });
  const startWeights =
    weight === undefined
      ? undefined
      : respondents.rows.map((_, i) => parseNumber(respondents, i, weight, 'weight'));

  let result: RakingResult;
  try {
    result = rake(buildRakingProblem({ columns, startWeights }, margins), {
      epsilon: options.epsilon,
      maxIterations: options.maxIterations,
      cap: options.cap,
      trim: options.trim,
    });
  } catch (error) {
    if (error instanceof WeightingError)
      throw new InputError(
        `${locate(error, respondents, { file: marginTable.file, lineOf })}${error.message} [${error.code}]`,
      );
    throw error;
  }

  const ids = respondents.rows.map((row) => row[id]!);
  const csv = stringify(
    ids.map((value, i) => [value, String(result.weights[i])]),
    { header: true, columns: ['id', 'weight'] },
  );
  await writeAtomically(options.out, csv);

  if (!result.converged)
    console.error(
      `warning: the raking did not converge in ${result.iterations} iterations (largest margin gap ${result.maxMarginError.toExponential(2)}); the weights are written but do not meet the margins`,
    );
  if (options.json) {
    console.log(JSON.stringify(summary(result)));
  } else {
    const s = result.summary;
    console.log(
      [
        `weighted ${s.n} respondents on ${result.margins.length} attributes (${result.margins.map((m) => m.attribute).join(', ')})`,
        `${result.converged ? 'converged' : 'not converged'} after ${result.iterations} iterations, largest margin gap ${result.maxMarginError.toExponential(2)}`,
        `weights ${s.minWeight.toPrecision(6)} to ${s.maxWeight.toPrecision(6)}, total ${s.total.toPrecision(8)}`,
        `design effect ${s.deff.toFixed(4)}, effective sample size ${s.effectiveSampleSize.toFixed(1)}`,
        ...(options.cap === undefined
          ? []
          : [`${result.capped} weights at the cap of ${options.cap} x mean`]),
        ...(options.trim === undefined
          ? []
          : [`${result.trimmed} weights trimmed at ${options.trim} x mean`]),
        `wrote ${options.out}`,
      ].join('\n'),
    );
  }
}

/**
 * `engine-room analyse weights`: rakes the respondents of a CSV file to population margins from another and
 * writes `id,weight` in input order. Refusals print one line on stderr and exit 1, leaving `--out` untouched.
 */
export function registerAnalyseWeights(analyse: Command): void {
  analyse
    .command('weights')
    .description(
      'rake respondents to population margins (iterative proportional fitting, as R survey::rake) and write their weights',
    )
    .requiredOption(
      '--respondents <file>',
      'CSV with a header: an id column, one column per attribute (empty = skipped), optionally a weight column of starting weights',
    )
    .requiredOption(
      '--margins <file>',
      'CSV with the columns attribute,category,target; an attribute’s targets are counts, or proportions adding up to 1',
    )
    .requiredOption('--out <file>', 'where to write id,weight (in the respondents’ order)')
    .option(
      '--cap <C>',
      'cap every weight at C x the mean weight inside the iterations; the margins are still met (C >= 1)',
      numberOption('--cap', (v) => Number.isFinite(v) && v >= 1, 'a number of at least 1'),
    )
    .option(
      '--trim <T>',
      'after raking, trim weights above T x the mean and share the excess equally among the others, as R trimWeights(strict = TRUE) (T >= 1)',
      numberOption('--trim', (v) => Number.isFinite(v) && v >= 1, 'a number of at least 1'),
    )
    .option(
      '--epsilon <E>',
      'stop when every weighted category total is within E (relative) of its target',
      numberOption('--epsilon', (v) => Number.isFinite(v) && v > 0, 'a positive number'),
      1e-10,
    )
    .option(
      '--max-iterations <N>',
      'most sweeps over all attributes',
      numberOption('--max-iterations', (v) => Number.isInteger(v) && v >= 1, 'a whole number of at least 1'),
      1000,
    )
    .option(
      '--json',
      'print the summary as JSON: iterations, converged, deff, effectiveSampleSize, minWeight, maxWeight',
    )
    .action(async (options: WeightsOptions) => {
      try {
        await run(options);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        console.error(`engine-room analyse weights: ${error.message}`);
        process.exitCode = 1;
      }
    });
}
