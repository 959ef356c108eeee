import type { FastifyInstance } from 'fastify';
import { outcomeApiRoutes } from './outcomes.api-routes.js';
import { outcomePublicRoutes } from './outcomes.public-routes.js';

/** Routes of "you said, we did", by audience: the public pages and the JSON API. */
export async function outcomesRoutes(app: FastifyInstance): Promise<void> {
  await app.register(outcomePublicRoutes);
  await app.register(outcomeApiRoutes);
}
