/** A field-level problem a form can show next to the field; same shape as the platform's FieldError. */
export interface MarginFieldError {
  /** `shares.<i>.category`, `shares.<i>.percent`, or `shares` for the whole list. */
  field: string;
  /** Message key: required, unknownCategory, duplicateCategory, notANumber, negative, tooLarge, sumNot100. */
  code: string;
  params?: Record<string, string | number>;
}

/** Typed-in population margins of one attribute, as percentages. */
export interface MarginFormInput {
  /** The attribute's categories; every row must name one of them. */
  categories: readonly string[];
  /** Rows as typed: the percentage may be a number or text (`12.5`, `12,5`, `12.5 %`). */
  shares: readonly { category: string; percent: string | number | null | undefined }[];
}

/** Valid margins as proportions, one per category of the attribute (0 for the ones not typed in). */
export type MarginFormResult =
  { ok: true; shares: { category: string; share: number }[] } | { ok: false; errors: MarginFieldError[] };

/** Accepted distance of the percentages' sum from 100. */
export const PERCENT_SUM_TOLERANCE = 0.5;

function parsePercent(value: string | number | null | undefined): number | 'required' | 'notANumber' {
  if (value === null || value === undefined) return 'required';
  if (typeof value === 'number') return Number.isFinite(value) ? value : 'notANumber';
  const text = value.trim().replace(/\s*%$/, '').replace(',', '.');
  if (text === '') return 'required';
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return 'notANumber';
  return Number(text);
}

/**
 * Validates typed-in population margins: every row names a known category once, every percentage is a
 * number from 0 to 100, and together they make 100 (±0.5). Returns the margins as proportions scaled to
 * add up to exactly 1, or every problem found with the field it belongs to.
 */
export function validatePopulationMargins(input: MarginFormInput): MarginFormResult {
  const errors: MarginFieldError[] = [];
  const known = new Set(input.categories);
  const seen = new Set<string>();
  const percents = new Map<string, number>();
  let sum = 0;
  input.shares.forEach(({ category, percent }, i) => {
    if (category.trim() === '') errors.push({ field: `shares.${i}.category`, code: 'required' });
    else if (!known.has(category))
      errors.push({ field: `shares.${i}.category`, code: 'unknownCategory', params: { category } });
    else if (seen.has(category))
      errors.push({ field: `shares.${i}.category`, code: 'duplicateCategory', params: { category } });
    seen.add(category);
    const parsed = parsePercent(percent);
    if (typeof parsed === 'string') errors.push({ field: `shares.${i}.percent`, code: parsed });
    else if (parsed < 0) errors.push({ field: `shares.${i}.percent`, code: 'negative' });
    else if (parsed > 100)
      errors.push({ field: `shares.${i}.percent`, code: 'tooLarge', params: { max: 100 } });
    else {
      sum += parsed;
      if (known.has(category)) percents.set(category, parsed);
    }
  });
  if (errors.length === 0 && Math.abs(sum - 100) > PERCENT_SUM_TOLERANCE)
    errors.push({
      field: 'shares',
      code: 'sumNot100',
      params: { sum: Math.round(sum * 100) / 100, tolerance: PERCENT_SUM_TOLERANCE },
    });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    shares: input.categories.map((category) => ({ category, share: (percents.get(category) ?? 0) / sum })),
  };
}
