import type { FastifyInstance } from 'fastify';
import { surveyApiRoutes } from './surveys.api-routes.js';
import { surveyDistributionRoutes } from './surveys.distribution-routes.js';
import { surveyExportRoutes } from './surveys.export-routes.js';
import { surveyPublicRoutes } from './surveys.public-routes.js';
import { surveyStaffRoutes } from './surveys.staff-routes.js';

/** Routes of the surveys capability, by audience. */
export async function surveysRoutes(app: FastifyInstance): Promise<void> {
  await surveyPublicRoutes(app);
  await surveyStaffRoutes(app);
  await surveyExportRoutes(app);
  await surveyApiRoutes(app);
  await surveyDistributionRoutes(app);
}
