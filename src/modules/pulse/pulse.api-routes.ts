import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors } from '../../platform/http/api-schemas.js';
import { getPulseReport } from './get-pulse-report.js';
import { pulseReportView, PulseReportSchema } from './pulse-api-view.js';
import { pulseRules } from './pulse.policy.js';

const tags = ['pulse'];

/** JSON API of the pulse: the report, with the same suppression as the page (answers come through pages only). */
export async function pulseApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/pulse',
    {
      config: { rule: pulseRules.view },
      schema: {
        tags,
        summary: 'The participant experience pulse of an initiative',
        description:
          'Per question ("heard", "easy", "again") the distribution over points 1..5, the mean and its 95% confidence interval: for everyone, per activity kind and per segment of each demographic attribute. A group or question with fewer than k respondents (the organization\'s small-cell threshold) is `{"suppressed": true, "k": k}` with no numbers and no free text.',
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: PulseReportSchema, ...commonErrors },
      },
    },
    async (req) => pulseReportView(await getPulseReport(db, req.staff, req.params.id)),
  );
}
