import { prepareAttribute, startingWeights, sum } from './attribute.js';
import { checkCapFeasible, rakeCapped } from './capped.js';
import { WeightingError } from './errors.js';
import { rakeByCells } from './ipf.js';
import { report } from './margins.js';
import { summarizeWeights } from './summary.js';
import { trimWeights } from './trim.js';
import type { RakingOptions, RakingProblem, RakingResult } from './types.js';

export { MISSING } from './types.js';
export type {
  AttributeMargin,
  CategoryMargin,
  MarginKind,
  RakingAttribute,
  RakingOptions,
  RakingProblem,
  RakingResult,
} from './types.js';

const DEFAULT_EPSILON = 1e-10;
const DEFAULT_MAX_ITERATIONS = 1000;
const DEFAULT_TOTAL_TOLERANCE = 1e-6;

/**
 * Rakes respondents to population margins by iterative proportional fitting, the algorithm of R's
 * `survey::rake`, and reports how it went. Throws `WeightingError` for input it cannot weight; never
 * returns NaN.
 *
 * Respondents who skipped an attribute (code -1 or `MISSING`) are left out of that attribute's
 * adjustment: the attribute's targets are applied as shares of the weighted total of the respondents who
 * answered it, and the others keep the weight the other attributes give them. (R's `rake` refuses
 * missing values; with none, the two agree.)
 */
export function rake(problem: RakingProblem, options: RakingOptions = {}): RakingResult {
  const epsilon = options.epsilon ?? DEFAULT_EPSILON;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const totalTolerance = options.totalTolerance ?? DEFAULT_TOTAL_TOLERANCE;
  checkOption('epsilon', epsilon, !(epsilon > 0 && Number.isFinite(epsilon)), 'a positive number');
  checkOption(
    'maxIterations',
    maxIterations,
    !(Number.isInteger(maxIterations) && maxIterations >= 1),
    'a whole number of at least 1',
  );
  checkOption(
    'totalTolerance',
    totalTolerance,
    !(totalTolerance >= 0 && Number.isFinite(totalTolerance)),
    'zero or a positive number',
  );
  if (options.cap !== undefined)
    checkOption('cap', options.cap, !(options.cap >= 1 && Number.isFinite(options.cap)), 'at least 1');
  if (options.trim !== undefined)
    checkOption('trim', options.trim, !(options.trim >= 1 && Number.isFinite(options.trim)), 'at least 1');

  const { attributes } = problem;
  const first = attributes[0];
  if (!first) throw new WeightingError('no_attributes', 'there is no attribute to weight on');
  const n = first.codes.length;
  if (n === 0) throw new WeightingError('no_respondents', 'there are no respondents to weight');

  const start = startingWeights(problem.startWeights, n);
  const prepared = attributes.map((attribute) => prepareAttribute(attribute, n, start));

  // Count margins fix the population total; proportions are scaled to it, or to the starting weights'
  // total (n without starting weights) when no attribute gives counts.
  const countTotals = prepared.filter((a) => a.kind === 'count').map((a) => ({ a, total: sum(a.targets) }));
  let populationTotal = 0;
  for (let i = 0; i < start.length; i++) populationTotal += start[i]!;
  const reference = countTotals[0];
  if (reference) {
    populationTotal = reference.total;
    for (const { a, total } of countTotals) {
      if (Math.abs(total - reference.total) > totalTolerance * reference.total) {
        throw new WeightingError(
          'margin_totals_disagree',
          `the margins add up to different population totals: ${countTotals.map((c) => `${c.a.name} ${c.total}`).join(', ')}`,
          { attribute: a.name, totals: Object.fromEntries(countTotals.map((c) => [c.a.name, c.total])) },
        );
      }
    }
  }
  for (const a of prepared) {
    const scale = populationTotal / sum(a.targets);
    for (let c = 0; c < a.k; c++) a.targets[c] = a.targets[c]! * scale;
  }

  const weights = new Float64Array(n);
  // Scaling the starting weights to the population total first does not change where raking ends (the
  // first adjustment removes any common factor) but gives the skipped-attribute rule the right total.
  const startTotal = sum(start);
  for (let i = 0; i < n; i++) weights[i] = (start[i]! * populationTotal) / startTotal;

  const cap = options.cap === undefined ? undefined : (options.cap * populationTotal) / n;
  if (cap !== undefined) checkCapFeasible(prepared, weights, cap);

  const run =
    cap === undefined
      ? rakeByCells(prepared, weights, epsilon, maxIterations)
      : rakeCapped(prepared, weights, cap, epsilon, maxIterations);

  let capped = 0;
  if (cap !== undefined) {
    for (let i = 0; i < n; i++) {
      if (weights[i]! >= cap) {
        weights[i] = cap;
        capped++;
      }
    }
  }
  const margins = report(prepared, weights);
  const trimmed = options.trim === undefined ? 0 : trimWeights(weights, options.trim);

  return {
    weights,
    iterations: run.iterations,
    converged: run.converged,
    maxMarginError: run.maxMarginError,
    populationTotal,
    capped,
    trimmed,
    summary: summarizeWeights(weights),
    margins,
  };
}

function checkOption(option: string, value: number, bad: boolean, expected: string): void {
  if (bad)
    throw new WeightingError('invalid_option', `${option} must be ${expected} (got ${value})`, {
      option,
      value,
    });
}
