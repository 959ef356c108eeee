import type { FastifyInstance } from 'fastify';
import { pageContext, sendPage } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { listOrganizations } from '../organizations/organizations.repository.js';
import { getPublicInitiative, listOpenPublicInitiatives } from './public-initiatives.js';
import { listPublishedSurveys } from '../surveys/get-survey.js';
import { listOpenConversations } from '../conversations/list-open-conversations.js';
import { HomePage, OrganizationPage, PublicInitiativePage } from './views/public-pages.js';

/** Public pages: the start page, an organization's page and an initiative's page. */
export async function initiativePublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get('/', async (req, reply) => {
    const organizations = await listOrganizations(db);
    return sendPage(reply, HomePage({ ctx: pageContext(req, reply), organizations }));
  });

  app.get<{ Params: { org: string } }>('/o/:org', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const initiatives = await listOpenPublicInitiatives(db, org.id);
    return sendPage(reply, OrganizationPage({ ctx: pageContext(req, reply), org, initiatives }));
  });

  app.get<{ Params: { org: string; slug: string } }>('/o/:org/i/:slug', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const initiative = await getPublicInitiative(db, org.id, req.params.slug);
    const surveys = await listPublishedSurveys(db, org.id, initiative.id);
    const conversations = await listOpenConversations(db, org.id, initiative.id);
    return sendPage(
      reply,
      PublicInitiativePage({ ctx: pageContext(req, reply), org, initiative, surveys, conversations }),
    );
  });
}
