import type { FastifyInstance } from 'fastify';
import { ping } from '../../db/connect.js';
import { isLocale } from '../../platform/i18n.js';
import { LANG_COOKIE } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';

/** Only same-site paths: the language switch must not become an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.includes('\\')
    ? next
    : '/';
}

/** Health check, language switch and the OpenAPI document. */
export async function systemRoutes(app: FastifyInstance): Promise<void> {
  app.get('/healthz', async (_req, reply) => {
    try {
      await ping(app.deps.db);
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
    return { status: 'ok' };
  });

  app.get<{ Params: { lang: string }; Querystring: { next?: string } }>('/lang/:lang', async (req, reply) => {
    if (!isLocale(req.params.lang)) throw new AppError('not_found');
    reply.setCookie(LANG_COOKIE, req.params.lang, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.deps.config.secureCookies,
      maxAge: 365 * 24 * 3600,
    });
    return reply.redirect(safeNext(req.query.next), 303);
  });

  app.get('/api/openapi.json', async () => app.swagger());
}
