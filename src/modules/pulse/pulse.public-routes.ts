import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { errorDetail } from '../../platform/problem.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, formErrors, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { getPublicInitiative } from '../initiatives/public-initiatives.js';
import { participantIdFrom } from '../participants/participant-cookie.js';
import { joinPagePath } from '../participants/paths.js';
import { answerPulse } from './answer-pulse.js';
import { openPulse } from './open-pulse.js';
import { parseActivityRef } from './pulse-activity.js';
import { PulseMessagePage, PulsePage } from './views/participant-pages.js';

type PulseParams = {
  Params: { org: string; slug: string };
  Querystring: { activity?: unknown; kiosk?: unknown };
};

const is = (error: unknown, codes: string[]): error is AppError =>
  error instanceof AppError && codes.includes(error.code);

/** The query string that carries the activity (and kiosk) from page to page. */
function queryOf(req: FastifyRequest<PulseParams>): string {
  const q = new URLSearchParams();
  if (typeof req.query.activity === 'string') q.set('activity', req.query.activity);
  if (typeof req.query.kiosk === 'string') q.set('kiosk', req.query.kiosk);
  return q.toString();
}

/** Participant pages of the pulse: the three questions after an activity, and thanks. */
export async function pulsePublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const limit = publicPostLimit(config.rateLimitPerMinute);

  const path = (org: string, slug: string) =>
    `/o/${encodeURIComponent(org)}/i/${encodeURIComponent(slug)}/pulse`;

  /** Where "back" leads: the kiosk's start page for a kiosk respondent, else the initiative. */
  function backOf(req: FastifyRequest<PulseParams>, orgSlug: string) {
    const base = `/o/${encodeURIComponent(orgSlug)}/i/${encodeURIComponent(req.params.slug)}`;
    const ref = parseActivityRef(req.query.activity);
    const kiosk = req.query.kiosk;
    if (ref?.kind === 'survey' && typeof kiosk === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(kiosk))
      return { href: `${base}/s/${ref.id}/kiosk/${kiosk}`, label: req.t('pulse:nextPerson') };
    return { href: base, label: req.t('pulse:backToInitiative') };
  }

  async function refusal(req: FastifyRequest<PulseParams>, reply: FastifyReply, error: AppError) {
    const org = await getOrganizationBySlug(db, req.params.org);
    const title =
      error.code === 'pulse_already_answered'
        ? req.t('pulse:alreadyTitle')
        : req.t(`errors:${error.code}.title`);
    return sendPage(
      reply,
      PulseMessagePage({
        ctx: pageContext(req, reply),
        org,
        title,
        text: errorDetail(error, req.t),
        back: backOf(req, org.slug),
      }),
      error.status,
    );
  }

  async function show(req: FastifyRequest<PulseParams>, reply: FastifyReply, form: FormState) {
    const org = await getOrganizationBySlug(db, req.params.org);
    reply.header('cache-control', 'no-store');
    try {
      const open = await openPulse(db, org.id, req.params.slug, participantIdFrom(req), req.query);
      if (open.answered) return await refusal(req, reply, new AppError('pulse_already_answered'));
      const status = Object.keys(form.errors).length > 0 ? 422 : 200;
      return await sendPage(
        reply,
        PulsePage({
          ctx: pageContext(req, reply),
          org,
          activity: open.activity,
          action: `${path(org.slug, req.params.slug)}?${queryOf(req)}`,
          form,
        }),
        status,
      );
    } catch (error) {
      if (is(error, ['consent_required']))
        return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
      if (is(error, ['pulse_off'])) return refusal(req, reply, error);
      throw error;
    }
  }

  app.get<PulseParams>('/o/:org/i/:slug/pulse', async (req, reply) => show(req, reply, emptyForm()));

  app.post<PulseParams>('/o/:org/i/:slug/pulse', { config: limit }, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const input = formToInput(req.body);
    try {
      await db
        .transaction()
        .execute((trx) =>
          answerPulse(trx, org.id, req.params.slug, participantIdFrom(req), req.query, input),
        );
      return reply.redirect(`${path(org.slug, req.params.slug)}/thanks?${queryOf(req)}`, 303);
    } catch (error) {
      if (is(error, ['consent_required']))
        return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
      if (is(error, ['pulse_off', 'pulse_already_answered'])) return refusal(req, reply, error);
      if (!is(error, ['validation_failed'])) throw error;
      return show(req, reply, { values: input, errors: formErrors(error.fields, req.t) });
    }
  });

  app.get<PulseParams>('/o/:org/i/:slug/pulse/thanks', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    await getPublicInitiative(db, org.id, req.params.slug);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      PulseMessagePage({
        ctx: pageContext(req, reply),
        org,
        title: req.t('pulse:thanksTitle'),
        text: req.t('pulse:thanksText'),
        back: backOf(req, org.slug),
      }),
    );
  });
}
