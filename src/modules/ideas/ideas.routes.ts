import type { FastifyInstance } from 'fastify';
import { ideaApiRoutes } from './ideas.api-routes.js';
import { ideaPublicRoutes } from './ideas.public-routes.js';
import { ideaStaffRoutes } from './ideas.staff-routes.js';

/** Routes of the idea board, by audience, each in its own scope (the pages' multipart parser stays apart). */
export async function ideasRoutes(app: FastifyInstance): Promise<void> {
  await app.register(ideaPublicRoutes);
  await app.register(ideaStaffRoutes);
  await app.register(ideaApiRoutes);
}
