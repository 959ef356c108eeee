import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from './platform/deps.js';
import { security } from './platform/http/security.js';
import { requestContext } from './platform/http/request-context.js';
import { errorHandling } from './platform/http/error-handler.js';
import { modules } from './modules/index.js';

function publicDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // Bundled: dist/public beside dist/main.js; from source: src/ui/public.
  return existsSync(join(here, 'public')) ? join(here, 'public') : join(here, 'ui', 'public');
}

/** Options for building the app; `logger: false` in tests. */
export interface BuildOptions {
  logger?: boolean;
  /** Called for every route as it is added (the authorization matrix test lists them this way). */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/** Builds the whole HTTP application from its dependencies; never listens itself. */
export async function buildApp(deps: AppDeps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: deps.config.logLevel },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('deps', deps);
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Engine Room API',
        version: '1',
        description:
          'Initiatives, participants and everything users contribute. Errors are RFC 9457 problem details.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/api/v1') ? schema : { ...schema, hide: true },
      url,
    }),
  });
  await app.register(errorHandling);
  await app.register(security);
  await app.register(requestContext);
  await app.register(fastifyStatic, { root: publicDir(), prefix: '/assets/', maxAge: '1h' });
  for (const module of modules) await app.register(module);
  return app;
}
