import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { formErrors } from '../../ui/page-context.js';
import { getOrganizationBySlug } from '../organizations/get-organization.js';
import { findCurrentParticipant } from '../participants/find-current-participant.js';
import { participantIdFrom } from '../participants/participant-cookie.js';
import { joinPagePath } from '../participants/paths.js';
import { getPrototypeFile, getPublicPrototype } from './get-prototype.js';
import { giveFeedback } from './give-feedback.js';
import { listPublicPrototypes } from './list-prototypes.js';
import { feedbackFromForm } from './views/form-mapping.js';
import { prototypesPath, PublicPrototypePage, PublicPrototypesPage } from './views/public-pages.js';
import { pulseInvitation } from '../pulse/pulse-invitation.js';

type ListParams = { Params: { org: string; slug: string } };
type OneParams = {
  Params: { org: string; slug: string; prototypeId: string };
  Querystring: { notice?: string };
};
type FileParams = { Params: { org: string; slug: string; prototypeId: string; fileId: string } };

const is = (error: unknown, codes: string[]): error is AppError =>
  error instanceof AppError && codes.includes(error.code);

/** Serves a stored file: images inline, anything else as a download; never sniffed or run. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; bytes: Buffer },
): FastifyReply {
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', "default-src 'none'");
  reply.header('cache-control', 'private, max-age=300');
  const safeName = file.fileName.replace(/[^\w.-]+/g, '_') || 'file';
  if (!file.contentType.startsWith('image/'))
    reply.header('content-disposition', `attachment; filename="${safeName}"`);
  return reply.type(file.contentType).send(file.bytes);
}

/** Participant pages of prototypes: the list, one prototype's current round with its feedback form. */
export async function prototypePublicRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const limit = publicPostLimit(config.rateLimitPerMinute);

  app.get<ListParams>('/o/:org/i/:slug/prototypes', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const list = await listPublicPrototypes(db, org.id, req.params.slug);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, PublicPrototypesPage({ ctx: pageContext(req, reply), org, ...list }));
  });

  async function show(
    req: FastifyRequest<OneParams>,
    reply: FastifyReply,
    options: { form?: FormState; problem?: AppError; status?: number } = {},
  ) {
    const org = await getOrganizationBySlug(db, req.params.org);
    const participantId = participantIdFrom(req);
    const found = await getPublicPrototype(
      db,
      org.id,
      req.params.slug,
      req.params.prototypeId,
      participantId,
    );
    const joined = !!(await findCurrentParticipant(db, org.id, participantId));
    // After giving feedback, the participant is invited to the experience pulse of the prototype.
    const pulseHref =
      req.query.notice === 'thanks' && found.answered
        ? await pulseInvitation(db, {
            organizationId: org.id,
            orgSlug: org.slug,
            initiativeId: found.initiative.id,
            initiativeSlug: found.initiative.slug,
            kind: 'prototype',
            activityId: found.prototypeId,
            participantId,
          })
        : null;
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      PublicPrototypePage({
        ctx: pageContext(req, reply),
        org,
        ...found,
        joined,
        form: options.form ?? emptyForm(),
        notice: req.query.notice === 'thanks' ? req.t('prototypes:notices.thanks') : undefined,
        pulseHref,
        problem: options.problem ? req.t(`errors:${options.problem.code}.detail`) : undefined,
      }),
      options.status ?? 200,
    );
  }

  app.get<OneParams>('/o/:org/i/:slug/prototypes/:prototypeId', (req, reply) => show(req, reply));

  app.get<FileParams>('/o/:org/i/:slug/prototypes/:prototypeId/files/:fileId', async (req, reply) => {
    const org = await getOrganizationBySlug(db, req.params.org);
    const file = await getPrototypeFile(
      db,
      org.id,
      req.params.slug,
      req.params.prototypeId,
      req.params.fileId,
    );
    return sendStoredFile(reply, file);
  });

  app.post<OneParams>(
    '/o/:org/i/:slug/prototypes/:prototypeId/feedback',
    { config: limit },
    async (req, reply) => {
      const org = await getOrganizationBySlug(db, req.params.org);
      const { input, values } = feedbackFromForm(req.body);
      try {
        await db
          .transaction()
          .execute((trx) =>
            giveFeedback(trx, org.id, req.params.slug, participantIdFrom(req), req.params.prototypeId, input),
          );
        return reply.redirect(
          `${prototypesPath(org.slug, req.params.slug)}/${req.params.prototypeId}?notice=thanks`,
          303,
        );
      } catch (error) {
        if (is(error, ['consent_required']))
          return reply.redirect(joinPagePath(org.slug, req.params.slug), 303);
        if (is(error, ['validation_failed']))
          return show(req, reply, { form: { values, errors: formErrors(error.fields, req.t) }, status: 422 });
        if (is(error, ['round_closed', 'already_responded']))
          return show(req, reply, { problem: error, status: 409 });
        throw error;
      }
    },
  );
}
