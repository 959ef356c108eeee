import type { FastifyRequest } from 'fastify';
import type { AppError, FieldError } from '../../platform/errors.js';
import type { Translate } from '../../platform/i18n.js';
import { toProblem, type Problem } from '../../platform/problem.js';

// Messages only conversations need (a duplicate statement, a malformed Pol.is CSV) live in this
// module's namespace under `conversations:errors.*`; their field-error codes carry a `conversations.` prefix.

const PREFIX = 'conversations.';

/** The message of one field error in the reader's language. */
export function fieldMessage(t: Translate, f: FieldError): string {
  return f.code.startsWith(PREFIX)
    ? t(`conversations:errors.${f.code.slice(PREFIX.length)}`, f.params ?? {})
    : t(`validation:${f.code}`, f.params ?? {});
}

/** Field errors as messages keyed by field name (the first per field). */
export function messagesOf(fields: FieldError[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.field] ??= fieldMessage(t, f);
  return out;
}

/** Problem details for an AppError, with this module's field messages. */
export function conversationProblem(error: AppError, req: FastifyRequest): Problem {
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
