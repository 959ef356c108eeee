import type { FastifyInstance } from 'fastify';
import { startAnalysisScheduler, stopAnalyses } from './analysis-scheduler.js';
import { conversationPublicRoutes } from './conversations.public-routes.js';
import { conversationStaffRoutes } from './conversations.staff-routes.js';
import { conversationPolisRoutes } from './conversations.polis-routes.js';
import { conversationApiRoutes } from './conversations.api-routes.js';

/** Routes of the conversations capability, by audience; the analysis scheduler lives as long as the app. */
export async function conversationsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  startAnalysisScheduler(db, {
    log: (error) => app.log.error({ err: error }, 'conversation analysis failed'),
  });
  app.addHook('onClose', async () => stopAnalyses(db, true));
  await app.register(conversationPublicRoutes);
  await app.register(conversationStaffRoutes);
  // Its own scope: only the import form takes multipart bodies.
  await app.register(conversationPolisRoutes);
  await app.register(conversationApiRoutes);
}
