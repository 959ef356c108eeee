import type { FastifyInstance } from 'fastify';
import { pulseApiRoutes } from './pulse.api-routes.js';
import { pulsePublicRoutes } from './pulse.public-routes.js';
import { pulseStaffRoutes } from './pulse.staff-routes.js';

/** Routes of the participant experience pulse, by audience. */
export async function pulseRoutes(app: FastifyInstance): Promise<void> {
  await app.register(pulsePublicRoutes);
  await app.register(pulseStaffRoutes);
  await app.register(pulseApiRoutes);
}
