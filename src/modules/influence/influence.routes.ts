import type { FastifyInstance } from 'fastify';
import { influenceApiRoutes } from './influence.api-routes.js';
import { influenceStaffRoutes } from './influence.staff-routes.js';

/** Routes of the influence capability, by audience (staff pages and the JSON API). */
export async function influenceRoutes(app: FastifyInstance): Promise<void> {
  await app.register(influenceStaffRoutes);
  await app.register(influenceApiRoutes);
}
