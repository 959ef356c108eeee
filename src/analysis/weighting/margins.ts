import { WeightingError } from './errors.js';
import type { Prepared } from './attribute.js';
import type { AttributeMargin } from './types.js';

/**
 * The targets to meet at the current totals: fixed counts, or for an attribute some respondents skipped,
 * its shares of what the respondents who answered weigh now.
 */
export function currentTarget(a: Prepared, c: number, answered: number): number {
  return a.missing === 0 ? a.targets[c]! : a.shares[c]! * answered;
}

export function answeredTotal(a: Prepared): number {
  let answered = 0;
  for (let c = 0; c < a.k; c++) answered += a.totals[c]!;
  return answered;
}

export function relativeGap(total: number, target: number): number {
  if (target > 0) return Math.abs(total - target) / target;
  return total > 0 ? 1 : 0;
}

/** The largest relative gap of one attribute at the totals in `a.totals`. */
export function attributeGap(a: Prepared): number {
  const answered = answeredTotal(a);
  let gap = 0;
  for (let c = 0; c < a.k; c++) gap = Math.max(gap, relativeGap(a.totals[c]!, currentTarget(a, c, answered)));
  return gap;
}

export function accumulate(a: Prepared, weights: Float64Array): void {
  const { totals, codes } = a;
  totals.fill(0);
  for (let i = 0; i < codes.length; i++) totals[codes[i]!]! += weights[i]!;
}

export function noCarrier(a: Prepared, c: number): WeightingError {
  return new WeightingError(
    'empty_category',
    `the respondents in ${a.name} = ${a.categories[c]} all get weight 0 from other margins, but its target is not 0`,
    { attribute: a.name, category: a.categories[c] },
  );
}

export function report(prepared: Prepared[], weights: Float64Array): AttributeMargin[] {
  return prepared.map((a) => {
    accumulate(a, weights);
    const answered = answeredTotal(a);
    return {
      attribute: a.name,
      kind: a.kind,
      missing: a.missing,
      categories: a.categories.map((category, c) => ({
        category,
        target: currentTarget(a, c, answered),
        share: a.shares[c]!,
        respondents: a.respondents[c]!,
        weighted: a.totals[c]!,
      })),
    };
  });
}
