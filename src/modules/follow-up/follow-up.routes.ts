import type { FastifyInstance } from 'fastify';
import { followUpApiRoutes } from './follow-up.api-routes.js';
import { followUpPublicRoutes } from './follow-up.public-routes.js';

/** Routes of telling contributors, by audience: participant pages (and the unsubscribe link), the one-click API. */
export async function followUpRoutes(app: FastifyInstance): Promise<void> {
  await followUpPublicRoutes(app);
  await followUpApiRoutes(app);
}
