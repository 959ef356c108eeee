import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { committerFor } from '../../platform/group-commit.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { formErrors, pageContext, sendPage } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { participantIdFrom } from '../participants/participant-cookie.js';
import { joinPagePath } from '../participants/paths.js';
import { answerSurveyPage, visitSurvey, type PageAction } from './respond-to-survey.js';
import { answersFromForm } from './views/question-input.js';
import { SurveyDonePage, SurveyPage } from './views/respond-pages.js';
import { pulseInvitation } from '../pulse/pulse-invitation.js';

type SurveyParams = {
  Params: { org: string; slug: string; surveyId: string };
  Querystring: { page?: string; notice?: string };
};

const actions: PageAction[] = ['next', 'back', 'save', 'submit'];

/** Where a participant answers a survey of an initiative. */
export function surveyPath(orgSlug: string, initiativeSlug: string, surveyId: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/i/${encodeURIComponent(initiativeSlug)}/s/${encodeURIComponent(surveyId)}`;
}

function pageNumber(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value)) return undefined;
  return Number(value);
}

/** Participant pages of surveys: answer page by page, save and continue later, thanks. */
export async function surveyPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  // Responses arriving together share one commit (SQLite); each still succeeds or fails alone.
  const committer = committerFor(db, app.deps.engine);
  const limit = publicPostLimit(config.rateLimitPerMinute);

  async function show(
    req: FastifyRequest<SurveyParams>,
    reply: FastifyReply,
    options: {
      page?: number;
      raw?: Record<string, unknown>;
      errors?: Record<string, string>;
      status?: number;
    },
  ): Promise<FastifyReply> {
    const org = await getOrganizationBySlug(db, req.params.org);
    const visit = await visitSurvey(
      db,
      org.id,
      req.params.slug,
      req.params.surveyId,
      participantIdFrom(req),
      options.page,
    );
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(req, reply);
    const path = surveyPath(org.slug, req.params.slug, req.params.surveyId);
    if (visit.kind === 'needs_consent') return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
    if (visit.kind === 'done') {
      return sendPage(
        reply,
        SurveyDonePage({
          ctx,
          org,
          survey: visit.survey,
          initiativeHref: `/o/${org.slug}/i/${visit.initiative.slug}`,
          already: true,
        }),
      );
    }
    const notice = req.query.notice === 'saved' ? ctx.t('surveys:respond.savedNotice') : undefined;
    return sendPage(
      reply,
      SurveyPage({
        ctx,
        org,
        survey: visit.survey,
        definition: visit.version.definition,
        questions: visit.questions,
        answers: visit.answers,
        raw: options.raw,
        page: visit.page,
        pageCount: visit.pageCount,
        action: path,
        form: { values: {}, errors: options.errors ?? {} },
        notice,
        canSave: true,
      }),
      options.status ?? 200,
    );
  }

  app.get<SurveyParams>('/o/:org/i/:slug/s/:surveyId', async (req, reply) =>
    show(req, reply, { page: pageNumber(req.query.page) }),
  );

  app.post<SurveyParams>('/o/:org/i/:slug/s/:surveyId', { config: limit }, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = actions.find((a) => a === body.action) ?? 'submit';
    const page = pageNumber(body.page) ?? 0;
    const participantId = participantIdFrom(req);
    const path = surveyPath(org.slug, req.params.slug, req.params.surveyId);
    // The questions of the page as the participant saw it, to read their fields from the form.
    const visit = await visitSurvey(db, org.id, req.params.slug, req.params.surveyId, participantId, page);
    if (visit.kind === 'needs_consent') return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
    if (visit.kind === 'done') return reply.redirect(path, 303);
    const raw = answersFromForm(body, visit.questions);
    try {
      const outcome = await committer.run((trx) =>
        answerSurveyPage(trx, org.id, req.params.slug, req.params.surveyId, participantId, page, action, raw),
      );
      if (outcome.kind === 'completed') return reply.redirect(`${path}/done`, 303);
      if (outcome.kind === 'saved') return reply.redirect(`${path}?page=${outcome.page}&notice=saved`, 303);
      return reply.redirect(`${path}?page=${outcome.page}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return show(req, reply, { page, raw, errors: formErrors(error.fields, req.t), status: 422 });
    }
  });

  app.get<SurveyParams>('/o/:org/i/:slug/s/:surveyId/done', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const visit = await visitSurvey(db, org.id, req.params.slug, req.params.surveyId, participantIdFrom(req));
    if (visit.kind === 'needs_consent') return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
    reply.header('cache-control', 'no-store');
    const survey = visit.survey;
    const pulseHref = await pulseInvitation(db, {
      organizationId: org.id,
      orgSlug: org.slug,
      initiativeId: visit.initiative.id,
      initiativeSlug: visit.initiative.slug,
      kind: 'survey',
      activityId: survey.id,
      participantId: participantIdFrom(req),
    });
    return sendPage(
      reply,
      SurveyDonePage({
        ctx: pageContext(req, reply),
        org,
        survey,
        initiativeHref: `/o/${org.slug}/i/${req.params.slug}`,
        again: survey.allowMultiple ? surveyPath(org.slug, req.params.slug, survey.id) : undefined,
        pulseHref,
      }),
    );
  });
}
