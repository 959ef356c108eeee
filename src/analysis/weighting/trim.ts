import { WeightingError } from './errors.js';

/**
 * Trims weights in place at `multiple` × their mean, the way R's
 * `survey::trimWeights(design, upper = multiple * mean(w), strict = TRUE)` does: weights above the bound
 * are set to it and the trimmed excess is added in equal amounts to every other weight (zero weights
 * included), repeated until no weight is above. The total is kept. Returns how many weights ended at the
 * bound (0 when none was above it, and then nothing changes).
 *
 * R repeats the redistribution until it stops changing anything; its limit is min(w_i + δ, bound) with
 * the one δ ≥ 0 that keeps the total. That sum is concave and piecewise linear in δ, so Newton's method
 * from δ = 0 reaches δ exactly in a few passes.
 */
export function trimWeights(weights: Float64Array, multiple: number): number {
  if (!(multiple >= 1 && Number.isFinite(multiple)))
    throw new WeightingError('invalid_option', `trim must be at least 1 (got ${multiple})`, {
      option: 'trim',
      value: multiple,
    });
  const n = weights.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const bound = (multiple * total) / n;
  let above = false;
  for (let i = 0; i < n; i++) if (weights[i]! > bound) above = true;
  if (!above) return 0;

  let shift = 0;
  for (let step = 0; step < 200; step++) {
    let kept = 0;
    let free = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i]! + shift;
      if (w < bound) {
        kept += w;
        free++;
      } else kept += bound;
    }
    const shortfall = total - kept;
    if (free === 0 || shortfall <= total * 1e-16) break;
    const next = shift + shortfall / free;
    if (next === shift) break;
    shift = next;
  }
  let trimmed = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]! + shift;
    if (w >= bound) {
      weights[i] = bound;
      trimmed++;
    } else weights[i] = w;
  }
  return trimmed;
}
