import type { FastifyInstance } from 'fastify';
import { decisionApiRoutes } from './decisions.api-routes.js';
import { decisionStaffRoutes } from './decisions.staff-routes.js';

/** Routes of decisions, by audience, each in its own scope. */
export async function decisionsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(decisionStaffRoutes);
  await app.register(decisionApiRoutes);
}
