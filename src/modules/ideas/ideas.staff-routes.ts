import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { changeIdeaStatus } from './change-idea-status.js';
import { commentAsStaff } from './comment-on-idea.js';
import { getIdea, getIdeaImage } from './get-idea.js';
import { hideComment, hideIdea, unhideIdea } from './hide-idea.js';
import { formErrors } from '../../ui/page-context.js';
import { ideaRules } from './ideas.policy.js';
import { listIdeas } from './list-ideas.js';
import { mergeIdeas } from './merge-ideas.js';
import { acceptUploads, isUploadedFile } from '../../platform/http/uploads.js';
import { MAX_IMAGE_BYTES } from './idea-input.js';
import { postStaffIdea } from './post-idea.js';
import { supportAsStaff } from './support-idea.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import {
  staffBoardPath,
  StaffBoardPage,
  StaffIdeaPage,
  StaffNewIdeaPage,
  type StaffIdeaForms,
} from './views/staff-pages.js';

type ListParams = { Params: { id: string }; Querystring: { notice?: string } };
type OneParams = { Params: { id: string; ideaId: string }; Querystring: { notice?: string } };
type CommentParams = { Params: { id: string; ideaId: string; commentId: string } };

const NOTICES = [
  'posted',
  'status',
  'merged',
  'hidden',
  'unhidden',
  'commented',
  'supported',
  'commentHidden',
];
const isCode = (error: unknown, codes: string[]): error is AppError =>
  error instanceof AppError && codes.includes(error.code);

/** Staff pages of idea boards: the board, posting, one idea with statuses, merging and moderation. */
export async function ideaStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  await acceptUploads(app, { maxFileBytes: MAX_IMAGE_BYTES, maxFiles: 1 });

  app.get<ListParams>(
    '/staff/initiatives/:id/ideas',
    { config: { rule: ideaRules.view } },
    async (req, reply) => {
      const board = await listIdeas(db, req.staff, req.params.id);
      const key = req.query.notice ?? '';
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        StaffBoardPage({
          ctx: pageContext(req, reply),
          ...board,
          notice: NOTICES.includes(key) ? req.t(`ideas:notices.${key}`) : undefined,
        }),
      );
    },
  );

  async function showNew(req: FastifyRequest<ListParams>, reply: FastifyReply, form: FormState) {
    const initiative = await getInitiative(db, req.staff, req.params.id);
    reply.header('cache-control', 'no-store');
    const status = Object.keys(form.errors).length > 0 ? 422 : 200;
    return sendPage(reply, StaffNewIdeaPage({ ctx: pageContext(req, reply), initiative, form }), status);
  }

  app.get<ListParams>(
    '/staff/initiatives/:id/ideas/new',
    { config: { rule: ideaRules.contribute } },
    (req, reply) => showNew(req, reply, emptyForm()),
  );

  app.post<ListParams>(
    '/staff/initiatives/:id/ideas',
    { config: { rule: ideaRules.contribute } },
    async (req, reply) => {
      const { image, ...rest } = (req.body ?? {}) as Record<string, unknown>;
      const input = formToInput(rest);
      try {
        const idea = await db
          .transaction()
          .execute((trx) =>
            postStaffIdea(trx, req.staff, req.params.id, input, isUploadedFile(image) ? image : undefined),
          );
        return reply.redirect(`${staffBoardPath(idea.initiativeId)}/${idea.id}?notice=posted`, 303);
      } catch (error) {
        if (!isCode(error, ['validation_failed'])) throw error;
        return showNew(req, reply, { values: input, errors: formErrors(error.fields, req.t) });
      }
    },
  );

  async function showIdea(
    req: FastifyRequest<OneParams>,
    reply: FastifyReply,
    forms: Partial<StaffIdeaForms> = {},
    options: { problem?: AppError; status?: number } = {},
  ) {
    const found = await getIdea(db, req.staff, req.params.id, req.params.ideaId);
    const key = req.query.notice ?? '';
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      StaffIdeaPage({
        ctx: pageContext(req, reply),
        ...found,
        forms: {
          status: forms.status ?? emptyForm({ status: found.idea.status, reason: found.idea.statusReason }),
          merge: forms.merge ?? emptyForm(),
          hide: forms.hide ?? emptyForm(),
          comment: forms.comment ?? emptyForm(),
        },
        notice: NOTICES.includes(key) ? req.t(`ideas:notices.${key}`) : undefined,
        problem: options.problem ? req.t(`errors:${options.problem.code}.detail`) : undefined,
      }),
      options.status ?? 200,
    );
  }

  app.get<OneParams>(
    '/staff/initiatives/:id/ideas/:ideaId',
    { config: { rule: ideaRules.view } },
    (req, reply) => showIdea(req, reply),
  );

  app.get<OneParams>(
    '/staff/initiatives/:id/ideas/:ideaId/image',
    { config: { rule: ideaRules.view } },
    async (req, reply) => {
      const image = await getIdeaImage(db, req.staff, req.params.id, req.params.ideaId);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', "default-src 'none'");
      reply.header('cache-control', 'private, max-age=300');
      return reply.type(image.contentType).send(image.bytes);
    },
  );

  /** A one-form action on an idea: run it, go back with a notice, or show the form again with its errors. */
  function action(
    suffix: string,
    rule: readonly string[],
    form: keyof StaffIdeaForms | undefined,
    notice: string,
    run: (
      trx: Db,
      actor: StaffActor | undefined,
      req: FastifyRequest<OneParams>,
      input: Record<string, unknown>,
    ) => Promise<unknown>,
  ) {
    app.post<OneParams>(
      `/staff/initiatives/:id/ideas/:ideaId/${suffix}`,
      { config: { rule: rule as typeof ideaRules.view } },
      async (req, reply) => {
        const input = formToInput(req.body);
        try {
          await db.transaction().execute((trx) => run(trx, req.staff, req, input));
          return reply.redirect(
            `${staffBoardPath(req.params.id)}/${req.params.ideaId}?notice=${notice}`,
            303,
          );
        } catch (error) {
          if (isCode(error, ['validation_failed']) && form)
            return showIdea(
              req,
              reply,
              { [form]: { values: input, errors: formErrors(error.fields, req.t) } },
              { status: 422 },
            );
          if (isCode(error, ['validation_failed', 'already_supported', 'invalid_transition']))
            return showIdea(req, reply, {}, { problem: error, status: error.status });
          throw error;
        }
      },
    );
  }

  action('status', ideaRules.moderate, 'status', 'status', (trx, actor, req, input) =>
    changeIdeaStatus(trx, actor, req.params.id, req.params.ideaId, input),
  );
  action('merge', ideaRules.moderate, 'merge', 'merged', (trx, actor, req, input) =>
    mergeIdeas(trx, actor, req.params.id, req.params.ideaId, input),
  );
  action('hide', ideaRules.moderate, 'hide', 'hidden', (trx, actor, req, input) =>
    hideIdea(trx, actor, req.params.id, req.params.ideaId, input),
  );
  action('unhide', ideaRules.moderate, undefined, 'unhidden', (trx, actor, req) =>
    unhideIdea(trx, actor, req.params.id, req.params.ideaId),
  );
  action('comments', ideaRules.contribute, 'comment', 'commented', (trx, actor, req, input) =>
    commentAsStaff(trx, actor, req.params.id, req.params.ideaId, input),
  );
  action('support', ideaRules.contribute, undefined, 'supported', (trx, actor, req) =>
    supportAsStaff(trx, actor, req.params.id, req.params.ideaId),
  );

  app.post<CommentParams & { Querystring: { notice?: string } }>(
    '/staff/initiatives/:id/ideas/:ideaId/comments/:commentId/hide',
    { config: { rule: ideaRules.moderate } },
    async (req, reply) => {
      const input = formToInput(req.body);
      try {
        await db
          .transaction()
          .execute((trx) =>
            hideComment(trx, req.staff, req.params.id, req.params.ideaId, req.params.commentId, input),
          );
        return reply.redirect(
          `${staffBoardPath(req.params.id)}/${req.params.ideaId}?notice=commentHidden`,
          303,
        );
      } catch (error) {
        if (!isCode(error, ['validation_failed'])) throw error;
        return showIdea(req, reply, {}, { problem: error, status: 422 });
      }
    },
  );
}
