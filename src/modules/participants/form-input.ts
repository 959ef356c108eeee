import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { Translate } from '../../platform/i18n.js';
import { formErrors, type FormState } from '../../ui/page-context.js';
import { PREFER_NOT_TO_SAY } from './demographic-answers.js';
import type { DemographicAnswer } from './participants.table.js';

/** Moves `prefix.<id>` form keys into one object under `prefix`, the shape the use cases take. */
export function nestPrefixed(input: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const nested: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith(`${prefix}.`)) nested[key.slice(prefix.length + 1)] = value;
    else out[key] = value;
  }
  out[prefix] = nested;
  return out;
}

/** Stored answers as form values of radio groups named `prefix.<attributeId>`. */
export function answersAsForm(answers: DemographicAnswer[], prefix: string): Record<string, string> {
  return Object.fromEntries(
    answers.map((a) => [
      `${prefix}.${a.attributeId}`,
      a.preferNotToSay ? PREFER_NOT_TO_SAY : (a.categoryId ?? ''),
    ]),
  );
}

/** The message for a `?notice=` after a redirect, only for the notices the page knows. */
export function noticeText(t: Translate, notice: unknown, known: readonly string[]): string | undefined {
  return typeof notice === 'string' && known.includes(notice)
    ? t(`participants:notice.${notice}`)
    : undefined;
}

/** A validation failure becomes the form shown again with messages; any other error is rethrown. */
export function failedForm(error: unknown, values: Record<string, unknown>, req: FastifyRequest): FormState {
  if (error instanceof AppError && error.code === 'validation_failed') {
    return { values, errors: formErrors(error.fields, req.t) };
  }
  throw error;
}
