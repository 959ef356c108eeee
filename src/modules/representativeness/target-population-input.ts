import { validatePopulationMargins, type MarginFieldError } from '../../analysis/representativeness/index.js';
import type { FieldError } from '../../platform/errors.js';
import { hasForbiddenCharacters } from '../../platform/validation.js';
import type { DemographicAttribute } from '../participants/participants.table.js';

/** What staff type for one attribute: a percentage and an optional quota per category, a source and a date. */
export interface TargetPopulationForm {
  source: string;
  asOf: string | null;
  percents: Record<string, string>;
  quotas: Record<string, string>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the form fields `share_<category id>`, `quota_<category id>`, `source` and `asOf`. */
export function targetPopulationForm(body: unknown, attribute: DemographicAttribute): TargetPopulationForm {
  const form = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return {
    source: text(form.source),
    asOf: text(form.asOf) || null,
    percents: Object.fromEntries(attribute.categories.map((c) => [c.id, text(form[`share_${c.id}`])])),
    quotas: Object.fromEntries(attribute.categories.map((c) => [c.id, text(form[`quota_${c.id}`])])),
  };
}

function marginError(e: MarginFieldError, attribute: DemographicAttribute): FieldError {
  const match = /^shares\.(\d+)\./.exec(e.field);
  const category = match ? attribute.categories[Number(match[1])] : undefined;
  const code =
    e.code === 'sumNot100'
      ? 'sharesSum'
      : e.code === 'negative' || e.code === 'tooLarge'
        ? 'percentRange'
        : e.code;
  return {
    field: category ? `share_${category.id}` : 'shares',
    code,
    ...(e.params ? { params: e.params } : {}),
  };
}

/**
 * Checks one attribute's margins: every category's percentage 0–100 (an empty one counts as 0), the
 * sum 100 ± 0.5, a source, a date if given, whole-number quotas. Returns proportions or field errors.
 */
export function parseTargetPopulation(
  form: TargetPopulationForm,
  attribute: DemographicAttribute,
):
  | { ok: true; shares: Record<string, number>; quotas: Record<string, number> }
  | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (form.source === '') errors.push({ field: 'source', code: 'required' });
  else if (hasForbiddenCharacters(form.source)) errors.push({ field: 'source', code: 'invalidCharacters' });
  else if (form.source.length > 300) errors.push({ field: 'source', code: 'tooLong', params: { max: 300 } });
  if (form.asOf !== null && (!DATE.test(form.asOf) || Number.isNaN(Date.parse(form.asOf))))
    errors.push({ field: 'asOf', code: 'invalidFormat_date' });
  const result = validatePopulationMargins({
    categories: attribute.categories.map((c) => c.id),
    shares: attribute.categories.map((c) => ({ category: c.id, percent: form.percents[c.id] || '0' })),
  });
  if (!result.ok) errors.push(...result.errors.map((e) => marginError(e, attribute)));
  const quotas: Record<string, number> = {};
  for (const c of attribute.categories) {
    const raw = form.quotas[c.id] ?? '';
    if (raw === '') continue;
    if (!/^\d{1,7}$/.test(raw)) errors.push({ field: `quota_${c.id}`, code: 'wholeNumber' });
    else quotas[c.id] = Number(raw);
  }
  if (errors.length > 0 || !result.ok) return { ok: false, errors };
  return { ok: true, shares: Object.fromEntries(result.shares.map((s) => [s.category, s.share])), quotas };
}
