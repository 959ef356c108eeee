import type { FastifyInstance } from 'fastify';

/** Routes of the participants capability. */
export async function participantsRoutes(_app: FastifyInstance): Promise<void> {}
