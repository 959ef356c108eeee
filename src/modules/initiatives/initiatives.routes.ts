import type { FastifyInstance } from 'fastify';

/** Routes of the initiatives capability. */
export async function initiativesRoutes(_app: FastifyInstance): Promise<void> {}
