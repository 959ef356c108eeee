import type { FastifyReply } from 'fastify';
import type { AppError } from './errors.js';
import type { Translate } from './i18n.js';
import { fieldMessage } from './field-messages.js';

/** An RFC 9457 problem details object, with the field errors of a failed validation. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: { field: string; code: string; detail: string }[];
}

/** The error's detail message in the reader's language; listed message keys are translated and joined. */
export function errorDetail(error: AppError, t: Translate): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error.params)) {
    params[key] = Array.isArray(value) ? value.map((k) => t(k)).join(', ') : value;
  }
  return t(`errors:${error.code}.detail`, params);
}

/** Builds problem details for an AppError, with messages in the request's language. */
export function toProblem(error: AppError, t: Translate, instance?: string): Problem & { instance?: string } {
  const problem: Problem & { instance?: string } = {
    type: `https://engine-room.dev/problems/${error.code.replace(/_/g, '-')}`,
    title: t(`errors:${error.code}.title`),
    status: error.status,
    detail: errorDetail(error, t),
    code: error.code,
  };
  if (instance) problem.instance = instance;
  if (error.fields.length > 0) {
    problem.errors = error.fields.map((f) => ({
      field: f.field,
      code: f.code,
      detail: fieldMessage(t, f),
    }));
  }
  return problem;
}

/** Sends problem details with the right status and media type. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
