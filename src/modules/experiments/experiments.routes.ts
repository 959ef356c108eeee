import type { FastifyInstance } from 'fastify';
import { experimentApiRoutes } from './experiments.api-routes.js';
import { experimentPublicRoutes } from './experiments.public-routes.js';
import { experimentStaffRoutes } from './experiments.staff-routes.js';

/** Routes of experiments, by audience: the public learning log, staff pages, the JSON API. */
export async function experimentsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(experimentPublicRoutes);
  await app.register(experimentStaffRoutes);
  await app.register(experimentApiRoutes);
}
