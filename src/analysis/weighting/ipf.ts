import type { Prepared } from './attribute.js';
import { buildCells, cellAttributes } from './cells.js';
import { accumulate, answeredTotal, attributeGap, currentTarget, noCarrier, relativeGap } from './margins.js';

export interface Run {
  iterations: number;
  converged: boolean;
  maxMarginError: number;
}

/**
 * Plain raking only ever multiplies a respondent's weight by factors of its categories, so all
 * respondents with the same combination of categories keep the same ratio to their starting weight, and
 * raking the table of combinations (weighted by their starting weights) gives the same weights as raking
 * the respondents: R's `rake` works on that table too. A million respondents on six attributes fall in
 * some tens of thousands of combinations, so the sweeps run on those. Weights end in place.
 */
export function rakeByCells(
  prepared: Prepared[],
  weights: Float64Array,
  epsilon: number,
  maxIterations: number,
): Run {
  const cells = buildCells(prepared, weights);
  const raked = cells.weights.slice();
  const run = rakeUncapped(cellAttributes(prepared, cells), raked, epsilon, maxIterations);
  const ratio = new Float64Array(raked.length);
  for (let cell = 0; cell < raked.length; cell++) {
    const base = cells.weights[cell]!;
    ratio[cell] = base > 0 ? raked[cell]! / base : 0;
  }
  const { cellOf } = cells;
  for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! * ratio[cellOf[i]!]!;
  return run;
}

/**
 * Plain IPF, one pass over the respondents per attribute: the pass that applies attribute a's factors
 * also sums the totals of attribute a + 1, so a sweep reads the weights K times, not 2K.
 */
function rakeUncapped(
  prepared: Prepared[],
  weights: Float64Array,
  epsilon: number,
  maxIterations: number,
): Run {
  const count = prepared.length;
  const n = weights.length;
  accumulate(prepared[0]!, weights);
  let iterations = 0;
  let maxMarginError = Infinity;
  while (iterations < maxIterations) {
    iterations++;
    let sweepGap = 0;
    for (let a = 0; a < count; a++) {
      const attribute = prepared[a]!;
      const { totals, factors, codes, k } = attribute;
      const answered = answeredTotal(attribute);
      for (let c = 0; c < k; c++) {
        const target = currentTarget(attribute, c, answered);
        const total = totals[c]!;
        sweepGap = Math.max(sweepGap, relativeGap(total, target));
        if (total > 0) factors[c] = target / total;
        else if (target > 0) throw noCarrier(attribute, c);
        else factors[c] = 1;
      }
      factors[k] = 1;
      const next = prepared[(a + 1) % count]!;
      const nextTotals = next.totals;
      const nextCodes = next.codes;
      nextTotals.fill(0);
      for (let i = 0; i < n; i++) {
        const w = weights[i]! * factors[codes[i]!]!;
        weights[i] = w;
        nextTotals[nextCodes[i]!]! += w;
      }
    }
    // The gaps seen during the sweep were measured while other attributes moved; confirm on all
    // attributes at the final weights before calling it converged.
    if (sweepGap <= epsilon || iterations === maxIterations) {
      maxMarginError = allGaps(prepared, weights, 1);
      if (maxMarginError <= epsilon) return { iterations, converged: true, maxMarginError };
    }
  }
  return { iterations, converged: false, maxMarginError };
}

/** The largest gap over all attributes at `weights`; attributes before `from` already hold fresh totals. */
function allGaps(prepared: Prepared[], weights: Float64Array, from: number): number {
  let gap = 0;
  for (let a = 0; a < prepared.length; a++) {
    const attribute = prepared[a]!;
    if (a >= from) accumulate(attribute, weights);
    gap = Math.max(gap, attributeGap(attribute));
  }
  return gap;
}
