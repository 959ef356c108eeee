import type { FastifyInstance } from 'fastify';
import { engagementApiRoutes } from './engagement.api-routes.js';
import { engagementStaffRoutes } from './engagement.staff-routes.js';

/** Routes of the engagement capability, by audience (staff pages and the JSON API). */
export async function engagementRoutes(app: FastifyInstance): Promise<void> {
  await app.register(engagementStaffRoutes);
  await app.register(engagementApiRoutes);
}
