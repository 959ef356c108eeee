import type { FastifyInstance } from 'fastify';
import { participantApiRoutes } from './participants.api-routes.js';
import { participantPublicRoutes } from './participants.public-routes.js';
import { participantStaffRoutes } from './participants.staff-routes.js';

/** Routes of the participants capability, by audience: participants, staff, the JSON API. */
export async function participantsRoutes(app: FastifyInstance): Promise<void> {
  await participantPublicRoutes(app);
  await participantStaffRoutes(app);
  await participantApiRoutes(app);
}
