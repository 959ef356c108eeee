import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, type FieldError } from '../errors.js';
import { isUniqueViolation } from '../db-errors.js';
import { errorDetail, sendProblem, toProblem } from '../problem.js';
import { isApiUrl } from './request-context.js';
import { ErrorPage } from '../../ui/error-page.js';
import { pageContext, sendPage } from '../../ui/page-context.js';
import { negotiateLocale } from '../i18n.js';

function fromFastifyError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET')
    return new AppError('csrf_invalid');
  if (error.code === 'FST_ERR_VALIDATION' && error.validation) {
    const fields: FieldError[] = error.validation.map((v) => {
      const params = v.params;
      const path = (v.instancePath || '').split('/').filter(Boolean);
      if (typeof params.missingProperty === 'string') path.push(params.missingProperty);
      const field = path.join('.') || '_';
      const code =
        v.keyword === 'required'
          ? 'required'
          : v.keyword === 'maxLength'
            ? 'tooLong'
            : v.keyword === 'minLength'
              ? 'required'
              : v.keyword === 'enum' || v.keyword === 'const' || v.keyword === 'anyOf'
                ? 'invalidChoice'
                : v.keyword === 'additionalProperties'
                  ? 'unknownField'
                  : v.keyword === 'format'
                    ? `invalidFormat_${String(params.format)}`
                    : v.keyword === 'minimum' || v.keyword === 'maximum'
                      ? 'outOfRange'
                      : 'invalidType';
      const p: Record<string, string | number> = {};
      if (typeof params.limit === 'number') {
        p.max = params.limit;
        p.min = params.limit;
      }
      return { field, code, params: p };
    });
    return new AppError('validation_failed', { fields });
  }
  // Two requests that passed a use case's uniqueness check at once: the index refused the second.
  if (isUniqueViolation(error)) return new AppError('conflict');
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('unsupported_media_type');
  if (error.statusCode === 429) return new AppError('rate_limited');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new AppError('bad_request');
  return new AppError('internal');
}

async function respond(req: FastifyRequest, reply: FastifyReply, error: AppError): Promise<FastifyReply> {
  // A request that failed before the request context ran (e.g. an unparseable body) still gets a language.
  if (!req.t) {
    req.locale = negotiateLocale(undefined, req.headers['accept-language']);
    req.t = req.server.deps.i18n.getFixedT(req.locale);
  }
  if (isApiUrl(req.url) || req.url === '/healthz') {
    return sendProblem(reply, toProblem(error, req.t, req.url.split('?')[0]));
  }
  if (error.code === 'unauthenticated') {
    // Pages send people to sign in and bring them back afterwards.
    const next =
      req.method === 'GET'
        ? req.url
        : req.headers.referer
          ? new URL(req.headers.referer, 'http://x').pathname
          : '/staff';
    return reply.redirect(`/signin?next=${encodeURIComponent(next)}`, 303);
  }
  const ctx = pageContext(req, reply);
  const title = ctx.t(`errors:${error.code}.title`);
  const detail = errorDetail(error, ctx.t);
  return sendPage(reply, ErrorPage({ ctx, title, detail }), error.status);
}

/** Maps every failure to a page in the user's language or RFC 9457 problem details; never leaks a stack. */
export const errorHandling = fp(async (app: FastifyInstance) => {
  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    const appError = fromFastifyError(error);
    if (appError.code === 'internal') req.log.error({ err: error }, 'unexpected error');
    else if (appError.code === 'conflict' && !(error instanceof AppError))
      req.log.warn({ err: error }, 'concurrent write refused by a unique index');
    return respond(req, reply, appError);
  });
  app.setNotFoundHandler(async (req, reply) => respond(req, reply, new AppError('not_found')));
});
