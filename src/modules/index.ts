import type { FastifyInstance } from 'fastify';
import { systemRoutes } from './system/system.routes.js';

/** Every capability's routes, registered by the composition root in this order. */
export const modules: ((app: FastifyInstance) => Promise<void>)[] = [systemRoutes];
