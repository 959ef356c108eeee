import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { formErrors } from '../../ui/page-context.js';
import { sendStoredFile } from '../prototypes/prototypes.public-routes.js';
import { feedbackFromForm } from '../prototypes/views/form-mapping.js';
import {
  acceptSprintInvitation,
  getMemberPrototype,
  getMemberPrototypeFile,
  getMemberWorkspace,
  giveMemberFeedback,
  openSprintInvitation,
} from './external-members.js';
import { InvitationPage, MemberPrototypePage, WorkspacePage, workspacePath } from './views/member-pages.js';

/** The signed cookie that makes a browser an external member of one sprint (sent only under /x/). */
const MEMBER_COOKIE = 'er_sprint_member';

type TokenParams = { Params: { token: string } };
type SprintParams = { Params: { sprintId: string } };
type PrototypeParams = {
  Params: { sprintId: string; prototypeId: string };
  Querystring: { notice?: string };
};
type FileParams = { Params: { sprintId: string; prototypeId: string; fileId: string } };

function memberIdFrom(req: FastifyRequest): string | undefined {
  const raw = req.cookies[MEMBER_COOKIE];
  if (!raw) return undefined;
  const result = req.unsignCookie(raw);
  return result.valid && result.value ? result.value : undefined;
}

const is = (error: unknown, codes: string[]): error is AppError =>
  error instanceof AppError && codes.includes(error.code);

/** Pages of external sprint members: accepting the invitation, the workspace, prototype feedback. */
export async function sprintMemberRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const limit = publicPostLimit(config.rateLimitPerMinute);

  app.get<TokenParams>('/sprint-invitations/:token', async (req, reply) => {
    const found = await openSprintInvitation(db, req.params.token);
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(
      reply,
      InvitationPage({
        ctx: pageContext(req, reply),
        token: req.params.token,
        name: found.member.name,
        challenge: found.challenge,
      }),
    );
  });

  app.post<TokenParams>('/sprint-invitations/:token', { config: limit }, async (req, reply) => {
    const joined = await db.transaction().execute((trx) => acceptSprintInvitation(trx, req.params.token));
    reply.setCookie(MEMBER_COOKIE, joined.memberId, {
      signed: true,
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/x/',
      maxAge: 180 * 24 * 3600,
    });
    return reply.redirect(workspacePath(joined.sprintId), 303);
  });

  app.get<SprintParams>('/x/sprints/:sprintId', async (req, reply) => {
    const workspace = await getMemberWorkspace(db, memberIdFrom(req), req.params.sprintId);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, WorkspacePage({ ctx: pageContext(req, reply), ...workspace }));
  });

  async function showPrototype(
    req: FastifyRequest<PrototypeParams>,
    reply: FastifyReply,
    options: { form?: FormState; problem?: AppError; status?: number } = {},
  ) {
    const found = await getMemberPrototype(
      db,
      memberIdFrom(req),
      req.params.sprintId,
      req.params.prototypeId,
    );
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      MemberPrototypePage({
        ctx: pageContext(req, reply),
        sprintId: req.params.sprintId,
        ...found,
        form: options.form ?? emptyForm(),
        notice: req.query.notice === 'thanks' ? req.t('prototypes:notices.thanks') : undefined,
        problem: options.problem ? req.t(`errors:${options.problem.code}.detail`) : undefined,
      }),
      options.status ?? 200,
    );
  }

  app.get<PrototypeParams>('/x/sprints/:sprintId/prototypes/:prototypeId', (req, reply) =>
    showPrototype(req, reply),
  );

  app.get<FileParams>('/x/sprints/:sprintId/prototypes/:prototypeId/files/:fileId', async (req, reply) =>
    sendStoredFile(
      reply,
      await getMemberPrototypeFile(
        db,
        memberIdFrom(req),
        req.params.sprintId,
        req.params.prototypeId,
        req.params.fileId,
      ),
    ),
  );

  app.post<PrototypeParams>(
    '/x/sprints/:sprintId/prototypes/:prototypeId/feedback',
    { config: limit },
    async (req, reply) => {
      const { input, values } = feedbackFromForm(req.body);
      try {
        await db
          .transaction()
          .execute((trx) =>
            giveMemberFeedback(trx, memberIdFrom(req), req.params.sprintId, req.params.prototypeId, input),
          );
        return reply.redirect(
          `${workspacePath(req.params.sprintId)}/prototypes/${encodeURIComponent(req.params.prototypeId)}?notice=thanks`,
          303,
        );
      } catch (error) {
        if (is(error, ['validation_failed']))
          return showPrototype(req, reply, {
            form: { values, errors: formErrors(error.fields, req.t) },
            status: 422,
          });
        if (is(error, ['round_closed', 'already_responded']))
          return showPrototype(req, reply, { problem: error, status: 409 });
        throw error;
      }
    },
  );
}
