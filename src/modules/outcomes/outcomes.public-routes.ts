import type { FastifyInstance } from 'fastify';
import { pageContext, sendPage } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { getOrganizationYouSaidWeDid, getPublicYouSaidWeDid } from './get-you-said-we-did.js';
import { InitiativeOutcomesPage, OrganizationOutcomesPage } from './views/you-said-we-did-pages.js';

/** The public "you said, we did" pages: one per initiative and one per organization; no sign-in. */
export async function outcomePublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get<{ Params: { org: string; slug: string } }>(
    '/o/:org/i/:slug/you-said-we-did',
    async (req, reply) => {
      const org = await getOrganizationBySlug(db, req.params.org);
      const outcomes = await getPublicYouSaidWeDid(db, org, req.params.slug, req.locale);
      return sendPage(reply, InitiativeOutcomesPage({ ctx: pageContext(req, reply), org, outcomes }));
    },
  );

  app.get<{ Params: { org: string } }>('/o/:org/you-said-we-did', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const { k, initiatives } = await getOrganizationYouSaidWeDid(db, org, req.locale);
    return sendPage(reply, OrganizationOutcomesPage({ ctx: pageContext(req, reply), org, k, initiatives }));
  });
}
