import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { formToInput } from '../../platform/validation.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { participantIdFrom } from '../participants/participant-cookie.js';
import { joinPagePath } from '../participants/paths.js';
import { commentAsParticipant } from './comment-on-idea.js';
import { getPublicIdea, getPublicIdeaImage } from './get-idea.js';
import { formErrors } from '../../ui/page-context.js';
import { getIdeaBoard } from './list-ideas.js';
import { acceptUploads, isUploadedFile } from '../../platform/http/uploads.js';
import { MAX_IMAGE_BYTES } from './idea-input.js';
import { participantGate } from './idea-access.js';
import { postParticipantIdea } from './post-idea.js';
import { supportAsParticipant } from './support-idea.js';
import { boardPath, BoardPage, NewIdeaPage, PublicIdeaPage } from './views/public-pages.js';
import { pulseInvitation } from '../pulse/pulse-invitation.js';

type BoardParams = { Params: { org: string; slug: string } };
type IdeaParams = { Params: { org: string; slug: string; ideaId: string }; Querystring: { notice?: string } };

const is = (error: unknown, code: string): error is AppError =>
  error instanceof AppError && error.code === code;

/** The texts of a posted idea form and its image, apart. */
function ideaForm(body: unknown) {
  const fields = (body ?? {}) as Record<string, unknown>;
  const { image, ...rest } = fields;
  return { input: formToInput(rest), image: isUploadedFile(image) ? image : undefined };
}

/** Participant pages of idea boards: the board, posting, one idea with support and comments. */
export async function ideaPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const limit = publicPostLimit(config.rateLimitPerMinute);
  await acceptUploads(app, { maxFileBytes: MAX_IMAGE_BYTES, maxFiles: 1 });

  app.get<BoardParams>('/o/:org/i/:slug/ideas', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const board = await getIdeaBoard(db, org.id, req.params.slug, participantIdFrom(req));
    reply.header('cache-control', 'no-store');
    return sendPage(reply, BoardPage({ ctx: pageContext(req, reply), org, ...board }));
  });

  async function showNew(req: FastifyRequest<BoardParams>, reply: FastifyReply, form: FormState) {
    const org = await getOrganizationBySlug(db, req.params.org);
    try {
      const { initiative } = await participantGate(db, org.id, req.params.slug, participantIdFrom(req));
      reply.header('cache-control', 'no-store');
      const status = Object.keys(form.errors).length > 0 ? 422 : 200;
      return sendPage(reply, NewIdeaPage({ ctx: pageContext(req, reply), org, initiative, form }), status);
    } catch (error) {
      if (is(error, 'consent_required')) return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
      throw error;
    }
  }

  app.get<BoardParams>('/o/:org/i/:slug/ideas/new', async (req, reply) => showNew(req, reply, emptyForm()));

  app.post<BoardParams>('/o/:org/i/:slug/ideas', { config: limit }, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const { input, image } = ideaForm(req.body);
    try {
      const idea = await db
        .transaction()
        .execute((trx) =>
          postParticipantIdea(trx, org.id, req.params.slug, participantIdFrom(req), input, image),
        );
      return reply.redirect(`${boardPath(org.slug, req.params.slug)}/${idea.id}?notice=posted`, 303);
    } catch (error) {
      if (is(error, 'consent_required')) return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
      if (!is(error, 'validation_failed')) throw error;
      return showNew(req, reply, { values: input, errors: formErrors(error.fields, req.t) });
    }
  });

  async function showIdea(
    req: FastifyRequest<IdeaParams>,
    reply: FastifyReply,
    options: { commentForm?: FormState; problem?: AppError; status?: number } = {},
  ) {
    const org = await getOrganizationBySlug(db, req.params.org);
    const found = await getPublicIdea(db, org.id, req.params.slug, req.params.ideaId, participantIdFrom(req));
    const known = ['posted', 'supported', 'commented'];
    const notice = known.includes(req.query.notice ?? '')
      ? req.t(`ideas:notices.${req.query.notice}`)
      : undefined;
    // After posting, the participant is invited to the experience pulse of the idea board.
    const pulseHref =
      req.query.notice === 'posted' && found.mine
        ? await pulseInvitation(db, {
            organizationId: org.id,
            orgSlug: org.slug,
            initiativeId: found.initiative.id,
            initiativeSlug: found.initiative.slug,
            kind: 'ideas',
            activityId: found.initiative.id,
            participantId: participantIdFrom(req),
          })
        : null;
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      PublicIdeaPage({
        ctx: pageContext(req, reply),
        org,
        ...found,
        commentForm: options.commentForm ?? emptyForm(),
        notice,
        pulseHref,
        problem: options.problem ? req.t(`errors:${options.problem.code}.detail`) : undefined,
      }),
      options.status ?? 200,
    );
  }

  app.get<IdeaParams>('/o/:org/i/:slug/ideas/:ideaId', async (req, reply) => showIdea(req, reply));

  app.get<IdeaParams>('/o/:org/i/:slug/ideas/:ideaId/image', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const image = await getPublicIdeaImage(
      db,
      org.id,
      req.params.slug,
      req.params.ideaId,
      participantIdFrom(req),
    );
    // Never sniffed as anything else, never run as a document.
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-security-policy', "default-src 'none'");
    reply.header('cache-control', 'private, max-age=300');
    return reply.type(image.contentType).send(image.bytes);
  });

  app.post<IdeaParams>('/o/:org/i/:slug/ideas/:ideaId/support', { config: limit }, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const path = `${boardPath(org.slug, req.params.slug)}/${req.params.ideaId}`;
    try {
      await db
        .transaction()
        .execute((trx) =>
          supportAsParticipant(trx, org.id, req.params.slug, participantIdFrom(req), req.params.ideaId),
        );
      return reply.redirect(`${path}?notice=supported`, 303);
    } catch (error) {
      if (is(error, 'consent_required')) return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
      if (!is(error, 'already_supported')) throw error;
      return showIdea(req, reply, { problem: error, status: 409 });
    }
  });

  app.post<IdeaParams>('/o/:org/i/:slug/ideas/:ideaId/comments', { config: limit }, async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const path = `${boardPath(org.slug, req.params.slug)}/${req.params.ideaId}`;
    const input = formToInput(req.body);
    try {
      const id = await db
        .transaction()
        .execute((trx) =>
          commentAsParticipant(
            trx,
            org.id,
            req.params.slug,
            participantIdFrom(req),
            req.params.ideaId,
            input,
          ),
        );
      return reply.redirect(`${path}?notice=commented#c-${id}`, 303);
    } catch (error) {
      if (is(error, 'consent_required')) return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
      if (!is(error, 'validation_failed')) throw error;
      return showIdea(req, reply, {
        commentForm: { values: input, errors: formErrors(error.fields, req.t) },
        status: 422,
      });
    }
  });
}
