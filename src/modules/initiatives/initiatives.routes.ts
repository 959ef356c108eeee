import type { FastifyInstance } from 'fastify';
import { initiativeApiRoutes } from './initiatives.api-routes.js';
import { initiativePublicRoutes } from './initiatives.public-routes.js';
import { initiativeStaffRoutes } from './initiatives.staff-routes.js';

/** Routes of the initiatives capability, by audience. */
export async function initiativesRoutes(app: FastifyInstance): Promise<void> {
  await initiativePublicRoutes(app);
  await initiativeStaffRoutes(app);
  await initiativeApiRoutes(app);
}
