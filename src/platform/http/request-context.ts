import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { negotiateLocale } from '../i18n.js';
import { SESSION_COOKIE, findSessionActor } from '../auth/sessions.js';
import { findTokenActor } from '../auth/api-tokens.js';
import { authorize } from '../actor.js';
import { AppError } from '../errors.js';

/** Name of the cookie holding the chosen language. */
export const LANG_COOKIE = 'er_lang';

/** Is this an API request (JSON in, problem details out, Bearer tokens only)? */
export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/');
}

/**
 * Resolves, for every request, its language and its staff actor: a session cookie on pages, a
 * Bearer token on the API (the API ignores cookies, so it needs no CSRF protection).
 */
export const requestContext = fp(async (app: FastifyInstance) => {
  app.decorateRequest('locale', 'en');
  app.decorateRequest('t', null as never);
  app.decorateRequest('staff', undefined);
  app.addHook('onRequest', async (req) => {
    req.locale = negotiateLocale(req.cookies[LANG_COOKIE], req.headers['accept-language']);
    req.t = app.deps.i18n.getFixedT(req.locale);
    if (isApiUrl(req.url)) {
      const header = req.headers.authorization;
      const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
      if (match?.[1]) req.staff = await findTokenActor(app.deps.db, match[1]);
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.staff = await findSessionActor(app.deps.db, token);
  });
  // Authentication and the route's declared roles come before input validation.
  app.addHook('preValidation', async (req) => {
    const config = req.routeOptions.config;
    const route = req.routeOptions.url ?? '';
    if (route.startsWith('/api/v1/') && !config.public && !req.staff) throw new AppError('unauthenticated');
    if (config.rule) authorize(req.staff, config.rule);
  });
});
