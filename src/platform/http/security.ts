import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import csrf from '@fastify/csrf-protection';
import { AppError } from '../errors.js';
import { isApiUrl } from './request-context.js';

// @fastify/helmet hands on helmet's own CSP middleware builder (typed on its named export).
const buildContentSecurityPolicy = (helmet as unknown as typeof helmet.fastifyHelmet).contentSecurityPolicy;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-cutting protection: signed cookies, a strict CSP with no inline script or style, CSRF
 * tokens on every state-changing form (the API is Bearer-only, so it is exempt), and rate limits
 * that routes opt into with `config.rateLimit`.
 */
export const security = fp(async (app: FastifyInstance) => {
  const { config } = app.deps;
  await app.register(cookie, { secret: config.sessionSecret, hook: 'onRequest' });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // The policy is built once here: @fastify/helmet would parse its directives again on every
  // request (a few per cent of a small API request's CPU), and they never change.
  const csp = buildContentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
      ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
    },
  });
  app.addHook('onRequest', (req, reply, done) => {
    csp(req.raw, reply.raw, done);
  });
  await app.register(helmet, {
    contentSecurityPolicy: false,
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, context) => {
      const error = new AppError('rate_limited', { params: { after: context.after } }) as AppError & {
        statusCode: number;
      };
      error.statusCode = 429;
      return error;
    },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'er_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.secureCookies },
  });
  app.addHook('preHandler', (req, reply, done) => {
    if (!UNSAFE.has(req.method) || isApiUrl(req.url)) return done();
    app.csrfProtection(req, reply, done);
  });
});

/** Route options for a rate-limited public form or sign-in. */
export function publicPostLimit(perMinute: number): { rateLimit: { max: number; timeWindow: string } } {
  return { rateLimit: { max: perMinute, timeWindow: '1 minute' } };
}
