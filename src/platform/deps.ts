import type { Kysely } from 'kysely';
import type { i18n } from 'i18next';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Engine } from '../db/connect.js';
import type { Rule, StaffActor } from './actor.js';
import type { Locale, Translate } from './i18n.js';

/** What the composition root hands to every route plugin. */
export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  engine: Engine;
  i18n: i18n;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    /** The language of this request's answer. */
    locale: Locale;
    /** Translate into this request's language. */
    t: Translate;
    /** The signed-in staff member, from a session cookie (pages) or Bearer token (API). */
    staff: StaffActor | undefined;
  }
  interface FastifyContextConfig {
    /**
     * The roles allowed on this route, checked before the body is validated (so a forbidden
     * caller learns nothing about the input). Use cases check again: pages, API and CLI share them.
     */
    rule?: Rule;
    /** An /api/v1 route open to callers without a token (e.g. a public form). */
    public?: boolean;
  }
}
