import type { FastifyInstance } from 'fastify';
import { sprintApiRoutes } from './sprints.api-routes.js';
import { sprintMemberRoutes } from './sprints.member-routes.js';
import { sprintStaffRoutes } from './sprints.staff-routes.js';

/** Routes of sprints, by audience: staff pages, external members' pages, the JSON API. */
export async function sprintsRoutes(app: FastifyInstance): Promise<void> {
  await app.register(sprintStaffRoutes);
  await app.register(sprintMemberRoutes);
  await app.register(sprintApiRoutes);
}
