import type { FastifyInstance } from 'fastify';

/** Routes of the staff capability. */
export async function staffRoutes(_app: FastifyInstance): Promise<void> {}
