import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, formErrors, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getInitiativeInfluence, getOrganizationInfluence } from './get-influence.js';
import { influenceRules } from './influence.policy.js';
import { saveInfluenceThresholds } from './influence-settings.js';
import { InitiativeInfluencePage, OrganizationInfluencePage } from './views/influence-pages.js';

/** Staff pages of influence: the organization's dashboard with its thresholds form, and one initiative's. */
export async function influenceStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get<{ Querystring: { notice?: string } }>(
    '/staff/influence',
    { config: { rule: influenceRules.view } },
    async (req, reply) => {
      const view = await getOrganizationInfluence(db, req.staff);
      const form: FormState = emptyForm({
        closedDays: String(view.thresholds.closedDays),
        responseSharePercent: String(view.thresholds.responseSharePercent),
      });
      const notice = req.query.notice === 'saved' ? req.t('influence:settings.saved') : undefined;
      return sendPage(reply, OrganizationInfluencePage({ ctx: pageContext(req, reply), view, form, notice }));
    },
  );

  app.post(
    '/staff/influence/settings',
    { config: { rule: influenceRules.configure } },
    async (req, reply) => {
      try {
        await db.transaction().execute((trx) => saveInfluenceThresholds(trx, req.staff, req.body));
        return reply.redirect('/staff/influence?notice=saved', 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        const view = await getOrganizationInfluence(db, req.staff);
        const form = { values: formToInput(req.body), errors: formErrors(error.fields, req.t) };
        return sendPage(reply, OrganizationInfluencePage({ ctx: pageContext(req, reply), view, form }), 422);
      }
    },
  );

  app.get<{ Params: { id: string } }>(
    '/staff/initiatives/:id/influence',
    { config: { rule: influenceRules.view } },
    async (req, reply) => {
      const view = await getInitiativeInfluence(db, req.staff, req.params.id);
      return sendPage(reply, InitiativeInfluencePage({ ctx: pageContext(req, reply), view }));
    },
  );
}
