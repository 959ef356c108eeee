import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, deleteSession } from '../../platform/auth/sessions.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { committerFor } from '../../platform/group-commit.js';
import { publicPostLimit } from '../../platform/http/security.js';
import type { Translate } from '../../platform/i18n.js';
import { errorDetail } from '../../platform/problem.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { participantIdFrom, setParticipantCookie } from '../participants/participant-cookie.js';
import { enterResponse, getResponseEntry } from './enter-response.js';
import { getDistribution } from './get-distribution.js';
import { inviteToSurvey, type SurveyMailOptions } from './invite-to-survey.js';
import {
  beginKioskRespondent,
  endSurveyKiosk,
  KIOSK_HOURS,
  openKiosk,
  resetKiosk,
  startKiosk,
  submitKioskResponse,
  type OpenKiosk,
} from './kiosk.js';
import { acceptSurveyInvitation, openSurveyInvitation } from './open-survey-invitation.js';
import { publicSurveyPath } from './published-survey.js';
import { sendSurveyReminders } from './send-survey-reminders.js';
import { surveyQrSvg } from './survey-qr.js';
import { allQuestions } from './survey-definition.js';
import { surveyRules } from './surveys.policy.js';
import { DistributionPage } from './views/distribution-page.js';
import { EnterResponsePage } from './views/enter-response-page.js';
import { InvitationPage } from './views/invitation-page.js';
import { KioskStartPage, KioskSurveyPage, KioskThanksPage } from './views/kiosk-pages.js';
import { answersFromForm } from './views/question-input.js';
import { pulseInvitation } from '../pulse/pulse-invitation.js';

/** Name of the cookie that makes a device a kiosk (its path is the kiosk's own). */
export const KIOSK_COOKIE = 'er_kiosk';
/** Seconds without a submit before a kiosk's start page starts over (no JavaScript needed). */
export const KIOSK_IDLE_SECONDS = 180;
/** Seconds the thanks page stays before the next respondent's start page. */
export const KIOSK_THANKS_SECONDS = 20;

type IdParams = { Params: { id: string }; Querystring: Record<string, unknown> };
type InvitationParams = { Params: { org: string; slug: string; surveyId: string; token: string } };
type KioskParams = { Params: { org: string; slug: string; surveyId: string; kioskId: string } };

const NOTICES = ['invited', 'reminded', 'kioskEnded', 'nothingToRemind'] as const;

/** Field messages: the module's own codes (`distribution.*`) come from its catalogue. */
function fieldMessages(fields: FieldError[], t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    out[f.field] ??= f.code.startsWith('distribution.')
      ? t(`surveys:distribution.errors.${f.code.slice('distribution.'.length)}`, f.params ?? {})
      : t(`validation:${f.code}`, f.params ?? {});
  }
  return out;
}

const validationFailed = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'validation_failed';

function kioskPath(orgSlug: string, initiativeSlug: string, surveyId: string, kioskId: string): string {
  return `${publicSurveyPath(orgSlug, initiativeSlug, surveyId)}/kiosk/${encodeURIComponent(kioskId)}`;
}

/** Pages of a shared kiosk device must never be kept: not by caches, not by the back button. */
function kioskHeaders(reply: FastifyReply, refreshSeconds: number, to: string): void {
  reply.header('cache-control', 'no-store, max-age=0');
  reply.header('pragma', 'no-cache');
  // The Refresh header works like <meta http-equiv="refresh"> in every browser, without JavaScript.
  reply.header('refresh', `${refreshSeconds}; url=${to}`);
}

/** Staff distribution of surveys (link, QR, invitations, reminders, kiosks, keyed-in responses) and the
 *  participant side of invitations and kiosks. */
export async function surveyDistributionRoutes(app: FastifyInstance): Promise<void> {
  const { db, config, i18n } = app.deps;
  // Kiosk responses share commits with other submissions (SQLite); each still succeeds or fails alone.
  const committer = committerFor(db, app.deps.engine);
  const limit = publicPostLimit(config.rateLimitPerMinute);
  const mail: SurveyMailOptions = {
    publicUrl: config.publicUrl,
    translatorFor: (locale) => i18n.getFixedT(locale),
  };

  // ---- Staff: the distribution page ----

  async function showDistribution(
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    forms: { invite?: FormState; problem?: string } = {},
    status = 200,
  ): Promise<FastifyReply> {
    const data = await getDistribution(db, req.staff, req.params.id);
    const ctx = pageContext(req, reply);
    const key = req.query.notice;
    const n = typeof req.query.n === 'string' && /^\d{1,6}$/.test(req.query.n) ? Number(req.query.n) : 0;
    const skipped =
      typeof req.query.skipped === 'string' && /^\d{1,6}$/.test(req.query.skipped)
        ? Number(req.query.skipped)
        : 0;
    const notice = NOTICES.find((k) => k === key)
      ? ctx.t(`surveys:distribution.notices.${key as string}`, { count: n, skipped })
      : undefined;
    return sendPage(
      reply,
      DistributionPage({
        ctx,
        data,
        publicUrl: config.publicUrl,
        inviteForm: forms.invite ?? emptyForm(),
        notice,
        problem: forms.problem,
      }),
      status,
    );
  }

  app.get<IdParams>(
    '/staff/surveys/:id/distribute',
    { config: { rule: surveyRules.view } },
    async (req, reply) => showDistribution(req, reply),
  );

  app.get<IdParams>(
    '/staff/surveys/:id/qr.svg',
    { config: { rule: surveyRules.view } },
    async (req, reply) => {
      const { svg } = await surveyQrSvg(db, req.staff, req.params.id, config.publicUrl, req.locale);
      return reply
        .type('image/svg+xml; charset=utf-8')
        .header('content-disposition', `inline; filename="survey-${req.params.id}-qr.svg"`)
        .send(svg);
    },
  );

  app.post<IdParams>(
    '/staff/surveys/:id/invitations',
    { config: { rule: surveyRules.manage } },
    async (req, reply) => {
      const input = formToInput(req.body);
      try {
        const result = await db
          .transaction()
          .execute((trx) => inviteToSurvey(trx, req.staff, req.params.id, input, mail));
        return reply.redirect(
          `/staff/surveys/${req.params.id}/distribute?notice=invited&n=${result.invited}&skipped=${result.skipped}#invitations`,
          303,
        );
      } catch (error) {
        if (validationFailed(error))
          return showDistribution(
            req,
            reply,
            { invite: { values: input, errors: fieldMessages(error.fields, req.t) } },
            422,
          );
        if (error instanceof AppError && error.code === 'survey_closed')
          return showDistribution(req, reply, { problem: errorDetail(error, req.t) }, error.status);
        throw error;
      }
    },
  );

  app.post<IdParams>(
    '/staff/surveys/:id/reminders',
    { config: { rule: surveyRules.manage } },
    async (req, reply) => {
      try {
        const { reminded } = await db
          .transaction()
          .execute((trx) => sendSurveyReminders(trx, req.staff, req.params.id, mail));
        const notice = reminded > 0 ? 'reminded' : 'nothingToRemind';
        return reply.redirect(
          `/staff/surveys/${req.params.id}/distribute?notice=${notice}&n=${reminded}#invitations`,
          303,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === 'survey_closed')
          return showDistribution(req, reply, { problem: errorDetail(error, req.t) }, error.status);
        throw error;
      }
    },
  );

  app.post<IdParams>(
    '/staff/surveys/:id/kiosk',
    { config: { rule: surveyRules.collect } },
    async (req, reply) => {
      const input = formToInput(req.body);
      let started;
      try {
        started = await db.transaction().execute((trx) => startKiosk(trx, req.staff, req.params.id));
      } catch (error) {
        if (
          error instanceof AppError &&
          (error.code === 'survey_closed' || error.code === 'initiative_not_open')
        )
          return showDistribution(req, reply, { problem: errorDetail(error, req.t) }, error.status);
        throw error;
      }
      const path = kioskPath(started.orgSlug, started.initiativeSlug, req.params.id, started.kioskId);
      reply.setCookie(KIOSK_COOKIE, started.token, {
        path,
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        maxAge: KIOSK_HOURS * 3600,
      });
      if (input.signOut === 'true') {
        // A shared device must not stay signed in to staff pages while the public uses it.
        const session = req.cookies[SESSION_COOKIE];
        if (session) await deleteSession(db, session);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
      return reply.redirect(path, 303);
    },
  );

  app.post<{ Params: { id: string; kioskId: string }; Querystring: Record<string, unknown> }>(
    '/staff/surveys/:id/kiosks/:kioskId/end',
    { config: { rule: surveyRules.collect } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => endSurveyKiosk(trx, req.staff, req.params.id, req.params.kioskId));
      return reply.redirect(`/staff/surveys/${req.params.id}/distribute?notice=kioskEnded#kiosk`, 303);
    },
  );

  // ---- Staff: keying in a response ----

  async function showEntry(
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    form: FormState,
    raw: Record<string, unknown> | undefined,
    status = 200,
  ): Promise<FastifyReply> {
    const entry = await getResponseEntry(db, req.staff, req.params.id);
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(req, reply);
    return sendPage(
      reply,
      EnterResponsePage({
        ctx,
        survey: entry.survey,
        definition: entry.version.definition,
        participants: entry.participants,
        action: `/staff/surveys/${entry.survey.id}/responses`,
        form,
        raw,
        notice: req.query.notice === 'entered' ? ctx.t('surveys:distribution.notices.entered') : undefined,
      }),
      status,
    );
  }

  app.get<IdParams>(
    '/staff/surveys/:id/responses/new',
    { config: { rule: surveyRules.collect } },
    async (req, reply) => showEntry(req, reply, emptyForm(), undefined),
  );

  app.post<IdParams>(
    '/staff/surveys/:id/responses',
    { config: { rule: surveyRules.collect } },
    async (req, reply) => {
      const entry = await getResponseEntry(db, req.staff, req.params.id);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const answers = answersFromForm(body, allQuestions(entry.version.definition));
      try {
        await db.transaction().execute((trx) =>
          enterResponse(trx, req.staff, req.params.id, {
            mode: body.mode,
            participantId: body.participantId,
            answers,
          }),
        );
        return reply.redirect(`/staff/surveys/${req.params.id}/responses/new?notice=entered`, 303);
      } catch (error) {
        if (!validationFailed(error)) throw error;
        const values = { mode: body.mode, participantId: body.participantId };
        return showEntry(req, reply, { values, errors: fieldMessages(error.fields, req.t) }, answers, 422);
      }
    },
  );

  // ---- Participants: personal invitation links ----

  async function showInvitation(
    req: FastifyRequest<InvitationParams>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ): Promise<FastifyReply> {
    const { org: orgSlug, slug, surveyId, token } = req.params;
    const org = await getOrganizationBySlug(db, orgSlug);
    const visit = await db
      .transaction()
      .execute((trx) => openSurveyInvitation(trx, org.id, slug, surveyId, token, participantIdFrom(req)));
    reply.header('cache-control', 'no-store');
    const surveyHref = publicSurveyPath(org.slug, slug, surveyId);
    if (visit.kind === 'done' || (visit.resumable && status === 200)) return reply.redirect(surveyHref, 303);
    return sendPage(
      reply,
      InvitationPage({
        ctx: pageContext(req, reply),
        org,
        survey: visit.survey,
        initiativeTitle: visit.initiative.title,
        consent: visit.consent,
        needsConsent: visit.needsConsent,
        action: `${surveyHref}/invitation/${encodeURIComponent(token)}`,
        form,
      }),
      status,
    );
  }

  app.get<InvitationParams>('/o/:org/i/:slug/s/:surveyId/invitation/:token', async (req, reply) =>
    showInvitation(req, reply, emptyForm()),
  );

  app.post<InvitationParams>(
    '/o/:org/i/:slug/s/:surveyId/invitation/:token',
    { config: limit },
    async (req, reply) => {
      const { org: orgSlug, slug, surveyId, token } = req.params;
      const org = await getOrganizationBySlug(db, orgSlug);
      const input = formToInput(req.body);
      try {
        const { participantId } = await db
          .transaction()
          .execute((trx) =>
            acceptSurveyInvitation(
              trx,
              org.id,
              slug,
              surveyId,
              token,
              participantIdFrom(req),
              input,
              req.locale,
            ),
          );
        setParticipantCookie(reply, config, org.slug, participantId);
        return reply.redirect(publicSurveyPath(org.slug, slug, surveyId), 303);
      } catch (error) {
        if (!validationFailed(error)) throw error;
        return showInvitation(req, reply, { values: {}, errors: fieldMessages(error.fields, req.t) }, 422);
      }
    },
  );

  // ---- Kiosk pages (a shared device; the kiosk cookie, never a participant's) ----

  async function kioskFor(
    req: FastifyRequest<KioskParams>,
  ): Promise<{ open: OpenKiosk; orgName: string; path: string }> {
    const { org: orgSlug, slug, surveyId, kioskId } = req.params;
    const org = await getOrganizationBySlug(db, orgSlug);
    const open = await openKiosk(db, org.id, slug, surveyId, kioskId, req.cookies[KIOSK_COOKIE]);
    return { open, orgName: org.name, path: kioskPath(org.slug, slug, surveyId, kioskId) };
  }

  async function showKioskStart(
    req: FastifyRequest<KioskParams>,
    reply: FastifyReply,
    form: FormState,
    status: number,
    problem?: string,
  ): Promise<FastifyReply> {
    const { open, orgName, path } = await kioskFor(req);
    // The start page is where one respondent ends and the next begins: the last form token dies here.
    await db.transaction().execute((trx) => resetKiosk(trx, open));
    kioskHeaders(reply, KIOSK_IDLE_SECONDS, path);
    return sendPage(
      reply,
      KioskStartPage({
        ctx: pageContext(req, reply),
        orgName,
        survey: open.survey,
        consent: open.consent,
        action: `${path}/start`,
        form,
        problem,
      }),
      status,
    );
  }

  app.get<KioskParams>('/o/:org/i/:slug/s/:surveyId/kiosk/:kioskId', async (req, reply) =>
    showKioskStart(req, reply, emptyForm(), 200),
  );

  function showKioskForm(
    req: FastifyRequest<KioskParams>,
    reply: FastifyReply,
    k: { open: OpenKiosk; orgName: string; path: string },
    respondentToken: string,
    form: FormState,
    raw: Record<string, unknown> | undefined,
    status: number,
  ): Promise<FastifyReply> {
    const definition = k.open.version.definition;
    const minutes = Math.max(3, allQuestions(definition).length);
    kioskHeaders(reply, minutes * 60, k.path);
    return sendPage(
      reply,
      KioskSurveyPage({
        ctx: pageContext(req, reply),
        orgName: k.orgName,
        survey: k.open.survey,
        definition,
        answers: {},
        raw,
        action: k.path,
        respondentToken,
        form,
        resetMinutes: minutes,
      }),
      status,
    );
  }

  app.post<KioskParams>(
    '/o/:org/i/:slug/s/:surveyId/kiosk/:kioskId/start',
    { config: limit },
    async (req, reply) => {
      const k = await kioskFor(req);
      const input = formToInput(req.body);
      try {
        const { respondentToken } = await db
          .transaction()
          .execute((trx) => beginKioskRespondent(trx, k.open, input));
        return showKioskForm(req, reply, k, respondentToken, emptyForm(), undefined, 200);
      } catch (error) {
        if (!validationFailed(error)) throw error;
        return showKioskStart(req, reply, { values: {}, errors: fieldMessages(error.fields, req.t) }, 422);
      }
    },
  );

  app.post<KioskParams>(
    '/o/:org/i/:slug/s/:surveyId/kiosk/:kioskId',
    { config: limit },
    async (req, reply) => {
      const k = await kioskFor(req);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const raw = answersFromForm(body, allQuestions(k.open.version.definition));
      try {
        await committer.run((trx) => submitKioskResponse(trx, k.open, body.respondent, raw));
        return reply.redirect(`${k.path}/thanks`, 303);
      } catch (error) {
        if (validationFailed(error) && typeof body.respondent === 'string')
          return showKioskForm(
            req,
            reply,
            k,
            body.respondent,
            { values: {}, errors: fieldMessages(error.fields, req.t) },
            raw,
            422,
          );
        if (error instanceof AppError && error.code === 'kiosk_session_invalid')
          return showKioskStart(req, reply, emptyForm(), error.status, errorDetail(error, req.t));
        throw error;
      }
    },
  );

  app.get<KioskParams>('/o/:org/i/:slug/s/:surveyId/kiosk/:kioskId/thanks', async (req, reply) => {
    const { open, orgName, path } = await kioskFor(req);
    kioskHeaders(reply, KIOSK_THANKS_SECONDS, path);
    // An anonymous pulse for the kiosk respondent (no participant: a shared device).
    const pulseHref = await pulseInvitation(db, {
      organizationId: open.initiative.organizationId,
      orgSlug: req.params.org,
      initiativeId: open.initiative.id,
      initiativeSlug: open.initiative.slug,
      kind: 'survey',
      activityId: open.survey.id,
      kioskId: open.kiosk.id,
    });
    return sendPage(
      reply,
      KioskThanksPage({
        ctx: pageContext(req, reply),
        orgName,
        survey: open.survey,
        startHref: path,
        resetSeconds: KIOSK_THANKS_SECONDS,
        pulseHref,
      }),
    );
  });
}
