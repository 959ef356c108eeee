import type { FastifyInstance } from 'fastify';
import { interviewApiRoutes } from './interviews.api-routes.js';
import { interviewStaffRoutes } from './interviews.staff-routes.js';

/** Routes of the interviews capability, by audience (staff only: participants are not asked here). */
export async function interviewsRoutes(app: FastifyInstance): Promise<void> {
  // Each audience in its own scope: the API's error handler and the pages' multipart parser stay apart.
  await app.register(interviewStaffRoutes);
  await app.register(interviewApiRoutes);
}
