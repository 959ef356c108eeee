import { WeightingError } from './errors.js';
import type { Prepared } from './attribute.js';
import { buildCells, cellAttributes } from './cells.js';
import type { Run } from './ipf.js';
import { answeredTotal, attributeGap, currentTarget, noCarrier, relativeGap } from './margins.js';

export function checkCapFeasible(prepared: Prepared[], start: Float64Array, cap: number): void {
  for (const a of prepared) {
    if (a.missing > 0) continue; // its targets follow the answered total, known only at the end
    const carriers = new Float64Array(a.k);
    for (let i = 0; i < start.length; i++) if (start[i]! > 0) carriers[a.codes[i]!]!++;
    for (let c = 0; c < a.k; c++) {
      if (a.targets[c]! > carriers[c]! * cap * (1 + 1e-12))
        throw new WeightingError(
          'cap_infeasible',
          `${a.name} = ${a.categories[c]} needs ${a.targets[c]} but its ${carriers[c]} respondents can carry at most ${carriers[c]! * cap} at the cap`,
          { attribute: a.name, category: a.categories[c] },
        );
    }
  }
}

function accumulateCapped(a: Prepared, unit: Float64Array, members: Float64Array, cap: number): void {
  const { totals, codes } = a;
  totals.fill(0);
  for (let j = 0; j < codes.length; j++) totals[codes[j]!]! += members[j]! * Math.min(unit[j]!, cap);
}

/**
 * Bounded raking, in place: every respondent's weight becomes min(raw, cap), where raw is the starting
 * weight times the factors of its categories. For each attribute, every category's factor λ solves
 * Σ min(λ · raw_i, cap) = target. That sum is concave and piecewise linear in λ, so Newton's method
 * started below the root (at target / Σ raw_i) climbs to it without overshooting and lands exactly once
 * the set of capped respondents stops changing. Each step maximises the dual of the bounded problem in
 * one block of variables, so the sweeps converge to its unique solution, the one R's `calibrate` finds
 * by Newton steps on all variables at once.
 *
 * Respondents with the same categories and the same starting weight have the same raw weight throughout,
 * so the work runs on those groups, each counted with its number of members.
 */
export function rakeCapped(
  prepared: Prepared[],
  weights: Float64Array,
  cap: number,
  epsilon: number,
  maxIterations: number,
): Run {
  const n = weights.length;
  const distinct = new Map<number, number>();
  const weightCodes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let code = distinct.get(weights[i]!);
    if (code === undefined) distinct.set(weights[i]!, (code = distinct.size));
    weightCodes[i] = code;
  }
  const cells = buildCells(prepared, weights, { codes: weightCodes, radix: distinct.size });
  const attributes = cellAttributes(prepared, cells);
  const { members, representative } = cells;
  const size = members.length;
  const raw = new Float64Array(size);
  for (let j = 0; j < size; j++) raw[j] = weights[representative[j]!]!;

  const maxK = Math.max(...prepared.map((a) => a.k)) + 1;
  const uncapped = new Float64Array(maxK);
  const slope = new Float64Array(maxK);
  const capTotal = new Float64Array(maxK);
  const goal = new Float64Array(maxK);
  let iterations = 0;
  let maxMarginError = Infinity;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    let sweepGap = 0;
    for (const attribute of attributes) {
      const { totals, factors, codes, k } = attribute;
      accumulateCapped(attribute, raw, members, cap);
      const answered = answeredTotal(attribute);
      uncapped.fill(0);
      for (let j = 0; j < size; j++) uncapped[codes[j]!]! += members[j]! * raw[j]!;
      for (let c = 0; c < k; c++) {
        const target = currentTarget(attribute, c, answered);
        goal[c] = target;
        sweepGap = Math.max(sweepGap, relativeGap(totals[c]!, target));
        if (target === 0) factors[c] = 0;
        else if (uncapped[c]! > 0) factors[c] = target / uncapped[c]!;
        else throw noCarrier(attribute, c);
      }
      factors[k] = 1;
      for (let step = 0; step < 100; step++) {
        capTotal.fill(0);
        slope.fill(0);
        for (let j = 0; j < size; j++) {
          const c = codes[j]!;
          const w = factors[c]! * raw[j]!;
          if (w < cap) {
            capTotal[c]! += members[j]! * w;
            slope[c]! += members[j]! * raw[j]!;
          } else capTotal[c]! += members[j]! * cap;
        }
        let moved = false;
        for (let c = 0; c < k; c++) {
          const shortfall = goal[c]! - capTotal[c]!;
          if (shortfall <= goal[c]! * 1e-15) continue;
          if (slope[c] === 0)
            throw new WeightingError(
              'cap_infeasible',
              `${attribute.name} = ${attribute.categories[c]} cannot reach its target with every respondent at the cap`,
              { attribute: attribute.name, category: attribute.categories[c] },
            );
          const next = factors[c]! + shortfall / slope[c]!;
          if (next !== factors[c]) moved = true;
          factors[c] = next;
        }
        if (!moved) break;
      }
      for (let j = 0; j < size; j++) raw[j] = raw[j]! * factors[codes[j]!]!;
    }
    if (sweepGap <= epsilon || iterations === maxIterations) {
      maxMarginError = 0;
      for (const attribute of attributes) {
        accumulateCapped(attribute, raw, members, cap);
        maxMarginError = Math.max(maxMarginError, attributeGap(attribute));
      }
      if (maxMarginError <= epsilon) {
        converged = true;
        break;
      }
    }
  }
  const { cellOf } = cells;
  for (let i = 0; i < n; i++) weights[i] = Math.min(raw[cellOf[i]!]!, cap);
  return { iterations, converged, maxMarginError };
}
