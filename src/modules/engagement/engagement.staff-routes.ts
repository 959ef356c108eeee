import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, formErrors, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getOrganization } from '../organizations/get-organization.js';
import { defaultCampaignText } from './campaign-input.js';
import { createCampaign } from './create-campaign.js';
import { engagementRules } from './engagement.policy.js';
import { getCampaign, listCampaigns } from './get-campaign.js';
import { getSegments } from './get-segments.js';
import { setLapsedAfterDays } from './lapse-setting.js';
import { sendCampaign } from './send-campaign.js';
import { CampaignPage } from './views/campaign-page.js';
import { EngagementPage } from './views/engagement-page.js';

type CampaignParams = { Params: { id: string }; Querystring: Record<string, unknown> };
const notices = ['saved', 'sent'] as const;

/** Staff pages of engagement: segments, the lapse setting and "we miss you" campaigns. */
export async function engagementStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, i18n } = app.deps;
  const mail = { publicUrl: config.publicUrl, translatorFor: (l: 'en' | 'da') => i18n.getFixedT(l) };

  async function showOverview(
    req: FastifyRequest,
    reply: FastifyReply,
    options: { settingForm?: FormState; campaignForm?: FormState; notice?: string } = {},
    status = 200,
  ): Promise<FastifyReply> {
    const segments = await getSegments(db, req.staff);
    const campaigns = await listCampaigns(db, req.staff);
    const org = await getOrganization(db, req.staff!.organizationId);
    return sendPage(
      reply,
      EngagementPage({
        ctx: pageContext(req, reply),
        segments,
        campaigns,
        settingForm: can(req.staff, engagementRules.configure)
          ? (options.settingForm ?? emptyForm({ lapsedAfterDays: String(segments.lapsedAfterDays) }))
          : null,
        campaignForm: can(req.staff, engagementRules.campaign)
          ? (options.campaignForm ?? emptyForm({ ...defaultCampaignText(mail.translatorFor, org.name) }))
          : null,
        notice: options.notice,
      }),
      status,
    );
  }

  async function showCampaign(
    req: FastifyRequest,
    reply: FastifyReply,
    id: string,
    options: { notice?: string; error?: string } = {},
    status = 200,
  ): Promise<FastifyReply> {
    const summary = await getCampaign(db, req.staff, id);
    return sendPage(reply, CampaignPage({ ctx: pageContext(req, reply), summary, ...options }), status);
  }

  app.get<{ Querystring: Record<string, unknown> }>(
    '/staff/engagement',
    { config: { rule: engagementRules.view } },
    async (req, reply) => {
      const notice = notices.find((n) => n === req.query.notice);
      return showOverview(req, reply, { notice: notice ? req.t(`engagement:notices.${notice}`) : undefined });
    },
  );

  app.post(
    '/staff/engagement/settings',
    { config: { rule: engagementRules.configure } },
    async (req, reply) => {
      try {
        await db.transaction().execute((trx) => setLapsedAfterDays(trx, req.staff, formToInput(req.body)));
        return reply.redirect('/staff/engagement?notice=saved', 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        const settingForm = { values: formToInput(req.body), errors: formErrors(error.fields, req.t) };
        return showOverview(req, reply, { settingForm }, 422);
      }
    },
  );

  app.post(
    '/staff/engagement/campaigns',
    { config: { rule: engagementRules.campaign } },
    async (req, reply) => {
      try {
        const campaign = await db
          .transaction()
          .execute((trx) => createCampaign(trx, req.staff, formToInput(req.body)));
        return reply.redirect(`/staff/engagement/campaigns/${campaign.id}`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        const campaignForm = { values: formToInput(req.body), errors: formErrors(error.fields, req.t) };
        return showOverview(req, reply, { campaignForm }, 422);
      }
    },
  );

  app.get<CampaignParams>(
    '/staff/engagement/campaigns/:id',
    { config: { rule: engagementRules.view } },
    async (req, reply) => {
      const notice = notices.find((n) => n === req.query.notice);
      return showCampaign(req, reply, req.params.id, {
        notice: notice
          ? req.t(`engagement:notices.${notice}`, { count: Number(req.query.count) || 0 })
          : undefined,
      });
    },
  );

  app.post<CampaignParams>(
    '/staff/engagement/campaigns/:id/send',
    { config: { rule: engagementRules.campaign } },
    async (req, reply) => {
      try {
        const sent = await db
          .transaction()
          .execute((trx) => sendCampaign(trx, req.staff, req.params.id, mail));
        return reply.redirect(`/staff/engagement/campaigns/${req.params.id}?notice=sent&count=${sent}`, 303);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'validation_failed') {
          const message = formErrors(error.fields, req.t).send;
          return showCampaign(req, reply, req.params.id, { error: message }, 422);
        }
        if (error.code === 'campaign_already_sent')
          return showCampaign(
            req,
            reply,
            req.params.id,
            { notice: req.t('errors:campaign_already_sent.title') },
            409,
          );
        throw error;
      }
    },
  );
}
