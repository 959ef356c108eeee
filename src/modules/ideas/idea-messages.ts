import type { FastifyRequest } from 'fastify';
import type { AppError, FieldError } from '../../platform/errors.js';
import type { Translate } from '../../platform/i18n.js';
import { toProblem, type Problem } from '../../platform/problem.js';

// Messages only the practice modules need (a reason required, merging into itself …) live in
// their own namespace; their field-error codes carry the namespace as prefix (`ideas.reasonRequired`).

const NAMESPACES = ['ideas', 'prototypes', 'sprints', 'experiments'];

/** The message of one field error in the reader's language. */
export function fieldMessage(t: Translate, f: FieldError): string {
  const dot = f.code.indexOf('.');
  const ns = dot > 0 ? f.code.slice(0, dot) : '';
  return NAMESPACES.includes(ns)
    ? t(`${ns}:errors.${f.code.slice(dot + 1)}`, f.params ?? {})
    : t(`validation:${f.code}`, f.params ?? {});
}

/** Field errors as messages keyed by field name (the first per field). */
export function messagesOf(fields: FieldError[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.field] ??= fieldMessage(t, f);
  return out;
}

/** Problem details for an AppError, with these modules' field messages. */
export function practiceProblem(error: AppError, req: FastifyRequest): Problem {
  const problem = toProblem(error, req.t, req.url.split('?')[0]);
  if (problem.errors) {
    problem.errors = error.fields.map((f) => ({
      field: f.field,
      code: f.code,
      detail: fieldMessage(req.t, f),
    }));
  }
  return problem;
}
