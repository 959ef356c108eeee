import type { FastifyInstance } from 'fastify';
import { prototypeApiRoutes } from './prototypes.api-routes.js';
import { prototypePublicRoutes } from './prototypes.public-routes.js';
import { prototypeStaffRoutes } from './prototypes.staff-routes.js';

/** Routes of prototypes, by audience, each in its own scope (the staff pages' multipart parser stays apart). */
export async function prototypesRoutes(app: FastifyInstance): Promise<void> {
  await app.register(prototypePublicRoutes);
  await app.register(prototypeStaffRoutes);
  await app.register(prototypeApiRoutes);
}
