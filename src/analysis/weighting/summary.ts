/** Figures that say how much a set of weights costs in precision. */
export interface WeightSummary {
  /** Respondents (weights), zero weights included. */
  n: number;
  total: number;
  mean: number;
  minWeight: number;
  maxWeight: number;
  /** Kish design effect from unequal weights: n · Σw² / (Σw)²; 1 when all weights are equal. */
  deff: number;
  /** Kish effective sample size: (Σw)² / Σw², i.e. n / deff. */
  effectiveSampleSize: number;
}

/**
 * Summarises weights: total, mean, min, max, Kish design effect and effective sample size. Needs at
 * least one weight and a positive total (raking guarantees both), otherwise throws a RangeError rather
 * than return NaN.
 */
export function summarizeWeights(weights: ArrayLike<number>): WeightSummary {
  const n = weights.length;
  let total = 0;
  let squares = 0;
  let minWeight = Infinity;
  let maxWeight = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    total += w;
    squares += w * w;
    if (w < minWeight) minWeight = w;
    if (w > maxWeight) maxWeight = w;
  }
  if (!(n > 0 && total > 0 && Number.isFinite(squares)))
    throw new RangeError('weights must be finite with a positive total');
  return {
    n,
    total,
    mean: total / n,
    minWeight,
    maxWeight,
    deff: (n * squares) / (total * total),
    effectiveSampleSize: (total * total) / squares,
  };
}
