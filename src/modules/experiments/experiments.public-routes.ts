import type { FastifyInstance } from 'fastify';
import { pageContext, sendPage } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { getLearningLog } from './learning-log.js';
import { LearningLogPage } from './views/learning-log-page.js';

type LogParams = { Params: { org: string }; Querystring: Record<string, unknown> };

const text = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : '');

/** The public learning log of an organization. */
export async function experimentPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  app.get<LogParams>('/o/:org/learning', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const filters = {
      initiative: text(req.query.initiative),
      department: text(req.query.department),
      outcome: text(req.query.outcome),
    };
    const log = await getLearningLog(db, org.id, filters);
    return sendPage(reply, LearningLogPage({ ctx: pageContext(req, reply), org, ...log, filters }));
  });
}
