import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffActor } from '../platform/actor.js';
import type { FieldError } from '../platform/errors.js';
import type { Locale, Translate } from '../platform/i18n.js';
import { fieldMessage } from '../platform/field-messages.js';

/** What every page needs to render: language, the current path, a CSRF token and who is looking. */
export interface PageContext {
  t: Translate;
  locale: Locale;
  /** Path and query of the current page (for the language switch to come back to). */
  path: string;
  csrfToken: string;
  staff: StaffActor | undefined;
}

/** Builds the page context of a request. */
export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  return { t: req.t, locale: req.locale, path: req.url, csrfToken: reply.generateCsrf(), staff: req.staff };
}

/** A form's state when it is shown again: what was typed and what was wrong, with messages. */
export interface FormState {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/** An empty form, optionally pre-filled. */
export function emptyForm(values: Record<string, unknown> = {}): FormState {
  return { values, errors: {} };
}

/** Translates field errors into messages keyed by field name. */
export function formErrors(fields: FieldError[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.field] ??= fieldMessage(t, f);
  return out;
}

/** Sends rendered HTML. */
export async function sendPage(reply: FastifyReply, html: JSX.Element, status = 200): Promise<FastifyReply> {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .send(await html);
}
