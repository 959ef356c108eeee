import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/actor.js';
import { formToInput } from '../../platform/validation.js';
import { pageContext, sendPage } from '../../ui/page-context.js';
import { getPulseReport } from './get-pulse-report.js';
import { changePulseSettings, getPulseSettings } from './pulse-settings.js';
import { pulseRules } from './pulse.policy.js';
import { pulseReportPath, PulseReportPage } from './views/staff-pages.js';

type ReportParams = { Params: { id: string }; Querystring: { by?: unknown; notice?: unknown } };

/** Staff pages of the pulse: the report per initiative with its settings. */
export async function pulseStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  async function showReport(req: FastifyRequest<ReportParams>, reply: FastifyReply) {
    const view = await getPulseReport(db, req.staff, req.params.id);
    const { switches } = await getPulseSettings(db, req.staff, req.params.id);
    // An unknown attribute id shows no breakdown rather than an error: it is a view choice, not input.
    const by = view.attributes.find((a) => a.id === req.query.by);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      PulseReportPage({
        ...view,
        ctx: pageContext(req, reply),
        switches,
        canConfigure: can(req.staff, pulseRules.configure),
        by,
        notice: req.query.notice === 'saved' ? req.t('pulse:staff.saved') : undefined,
      }),
    );
  }

  app.get<ReportParams>('/staff/initiatives/:id/pulse', { config: { rule: pulseRules.view } }, showReport);

  app.post<ReportParams>(
    '/staff/initiatives/:id/pulse/settings',
    { config: { rule: pulseRules.configure } },
    async (req, reply) => {
      const input = formToInput(req.body);
      await db.transaction().execute((trx) => changePulseSettings(trx, req.staff, req.params.id, input));
      return reply.redirect(`${pulseReportPath(req.params.id)}?notice=saved`, 303);
    },
  );
}
