import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors } from '../../platform/http/api-schemas.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { unsubscribeWithLink } from './unsubscribe.js';

const tags = ['followUp'];

/**
 * One-click unsubscribing (RFC 8058): a mail client POSTs `List-Unsubscribe=One-Click` to the URL of
 * the List-Unsubscribe header, without cookies or a token of ours: the signed link is the proof.
 * It lives under /api/v1 because it is a machine endpoint without CSRF tokens.
 */
export async function followUpApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.deps;

  app.post(
    '/api/v1/follow-up/:org/unsubscribe/:token',
    {
      config: { public: true, ...publicPostLimit(config.rateLimitPerMinute) },
      schema: {
        tags,
        summary: 'Unsubscribe from follow-up mail in one click (RFC 8058)',
        description:
          'The URL of the List-Unsubscribe header of a follow-up digest. Needs no token: the signed link is the proof. Any body is accepted (mail clients send `List-Unsubscribe=One-Click`).',
        security: [],
        params: Type.Object({
          org: Type.String({ minLength: 1, maxLength: 200 }),
          token: Type.String({ minLength: 1, maxLength: 300 }),
        }),
        response: { 200: Type.Object({ unsubscribed: Type.Boolean() }), ...commonErrors },
      },
    },
    async (req) => {
      const org = await getOrganizationBySlug(db, req.params.org);
      await db
        .transaction()
        .execute((trx) => unsubscribeWithLink(trx, config.sessionSecret, org.id, req.params.token));
      return { unsubscribed: true };
    },
  );
}
