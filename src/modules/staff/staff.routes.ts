import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, can } from '../../platform/actor.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/errors.js';
import { publicPostLimit } from '../../platform/http/security.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, formErrors, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { acceptInvitation } from './accept-invitation.js';
import { createPersonalApiToken } from './create-api-token.js';
import { createDepartment } from './create-department.js';
import { getDepartment } from './get-department.js';
import { getOpenInvitation } from './get-invitation.js';
import { getStaffMember } from './get-staff-member.js';
import { inviteStaff } from './invite-staff.js';
import { listOwnApiTokens } from './list-api-tokens.js';
import { listOrganizationAudit } from './list-audit.js';
import { listOrganizationOutbox } from './list-outbox.js';
import { listTeam } from './list-team.js';
import { renameDepartment } from './rename-department.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { staffRules } from './staff.policy.js';
import { updateStaffMember } from './update-staff-member.js';
import { AuditPage } from './views/audit.js';
import { DepartmentPage } from './views/department.js';
import { AcceptInvitationPage } from './views/invitation.js';
import { MemberPage, memberFormValues } from './views/member.js';
import { OutboxPage } from './views/outbox.js';
import { SignInPage } from './views/sign-in.js';
import { TeamPage } from './views/team.js';
import { TokensPage } from './views/tokens.js';

const NOTICES = [
  'signedOut',
  'welcome',
  'invited',
  'departmentCreated',
  'departmentRenamed',
  'memberUpdated',
] as const;

/** The translated notice named by `?notice=`, if it is one of ours (never echoes arbitrary text). */
function noticeOf(req: FastifyRequest): string | undefined {
  const notice = (req.query as Record<string, unknown> | undefined)?.notice;
  return typeof notice === 'string' && (NOTICES as readonly string[]).includes(notice)
    ? req.t(`staff:notice.${notice}`)
    : undefined;
}

/**
 * Only same-site paths, so sign-in cannot become an open redirect: `//host`, `/\host` and control
 * characters (browsers drop tabs and newlines, turning `/\t/host` into `//host`) are all refused.
 */
export function safeNext(next: unknown, fallback = '/staff'): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  return next;
}

/** The AppError to show beside the form's fields; anything else goes on to the error handler. */
function formFailure(error: unknown, codes: readonly AppError['code'][]): AppError {
  if (error instanceof AppError && error.fields.length > 0 && codes.includes(error.code)) return error;
  throw error;
}

/** What was typed, for showing the form again; secrets are never sent back to the browser. */
function typedValues(body: Record<string, unknown>): Record<string, unknown> {
  const { password: _p, passwordConfirm: _c, ...rest } = body;
  return rest;
}

function failedForm(error: AppError, body: Record<string, unknown>, req: FastifyRequest): FormState {
  return { values: typedValues(body), errors: formErrors(error.fields, req.t) };
}

/** Pages of the staff capability: sign-in and out, invitations, team, departments, outbox, audit, tokens. */
export async function staffRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const write = <T>(fn: (trx: Db) => Promise<T>): Promise<T> => app.deps.db.transaction().execute(fn);
  const limited = { config: publicPostLimit(config.rateLimitPerMinute) };

  function startSession(reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      maxAge: config.sessionHours * 3600,
    });
  }

  app.get('/signin', async (req, reply) => {
    const next = safeNext((req.query as Record<string, unknown>).next);
    if (req.staff) return reply.redirect(next, 303);
    const ctx = pageContext(req, reply);
    return sendPage(reply, SignInPage({ ctx, form: emptyForm(), next, notice: noticeOf(req) }));
  });

  app.post('/signin', limited, async (req, reply) => {
    const body = formToInput(req.body);
    const next = safeNext(body.next);
    let token: string;
    try {
      // No transaction: one insert on success, and scrypt must not hold a database connection.
      ({ token } = await signIn(app.deps.db, body, config.sessionHours));
    } catch (error) {
      const failure = formFailure(error, ['validation_failed']);
      const form = failedForm(failure, { email: body.email }, req);
      return sendPage(reply, SignInPage({ ctx: pageContext(req, reply), form, next }), failure.status);
    }
    // A fresh token on every sign-in; any session the browser held before ends here (no fixation).
    await signOut(app.deps.db, req.cookies[SESSION_COOKIE]);
    startSession(reply, token);
    return reply.redirect(next, 303);
  });

  app.post('/signout', async (req, reply) => {
    await signOut(app.deps.db, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/signin?notice=signedOut', 303);
  });

  app.get<{ Params: { token: string } }>('/invitations/:token', limited, async (req, reply) => {
    const open = await getOpenInvitation(app.deps.db, req.params.token);
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(req, reply);
    const form = emptyForm({ name: open.invitation.name });
    return sendPage(reply, AcceptInvitationPage({ ctx, open, token: req.params.token, form }));
  });

  app.post<{ Params: { token: string } }>('/invitations/:token', limited, async (req, reply) => {
    const body = formToInput(req.body);
    let sessionToken: string;
    try {
      ({ sessionToken } = await write((trx) =>
        acceptInvitation(trx, req.params.token, body, {
          locale: req.locale,
          sessionHours: config.sessionHours,
        }),
      ));
    } catch (error) {
      const failure = formFailure(error, ['validation_failed']);
      const open = await getOpenInvitation(app.deps.db, req.params.token);
      const ctx = pageContext(req, reply);
      const form = failedForm(failure, body, req);
      return sendPage(
        reply,
        AcceptInvitationPage({ ctx, open, token: req.params.token, form }),
        failure.status,
      );
    }
    await signOut(app.deps.db, req.cookies[SESSION_COOKIE]);
    startSession(reply, sessionToken);
    return reply.redirect('/staff/team?notice=welcome', 303);
  });

  async function teamPage(
    req: FastifyRequest,
    reply: FastifyReply,
    forms: { invite?: FormState; department?: FormState } = {},
    status = 200,
  ): Promise<FastifyReply> {
    const team = await listTeam(app.deps.db, req.staff);
    return sendPage(
      reply,
      TeamPage({
        ctx: pageContext(req, reply),
        team,
        isAdmin: can(req.staff, staffRules.manageTeam),
        inviteForm: forms.invite ?? emptyForm({ role: 'frontline' }),
        departmentForm: forms.department ?? emptyForm(),
        notice: status === 200 ? noticeOf(req) : undefined,
      }),
      status,
    );
  }

  app.get('/staff/team', async (req, reply) => {
    authorize(req.staff, staffRules.viewTeam);
    return teamPage(req, reply);
  });

  app.post('/staff/team/invitations', async (req, reply) => {
    authorize(req.staff, staffRules.manageTeam);
    const body = formToInput(req.body);
    try {
      await write((trx) => inviteStaff(trx, req.staff, body, { publicUrl: config.publicUrl, t: req.t }));
    } catch (error) {
      const failure = formFailure(error, ['validation_failed', 'email_taken']);
      return teamPage(req, reply, { invite: failedForm(failure, body, req) }, failure.status);
    }
    return reply.redirect('/staff/team?notice=invited', 303);
  });

  app.post('/staff/departments', async (req, reply) => {
    authorize(req.staff, staffRules.manageTeam);
    const body = formToInput(req.body);
    try {
      await write((trx) => createDepartment(trx, req.staff, body));
    } catch (error) {
      const failure = formFailure(error, ['validation_failed']);
      return teamPage(req, reply, { department: failedForm(failure, body, req) }, failure.status);
    }
    return reply.redirect('/staff/team?notice=departmentCreated', 303);
  });

  app.get<{ Params: { id: string } }>('/staff/departments/:id', async (req, reply) => {
    authorize(req.staff, staffRules.manageTeam);
    const department = await getDepartment(app.deps.db, req.staff, req.params.id);
    const form = emptyForm({ departmentName: department.name });
    return sendPage(reply, DepartmentPage({ ctx: pageContext(req, reply), department, form }));
  });

  app.post<{ Params: { id: string } }>('/staff/departments/:id', async (req, reply) => {
    authorize(req.staff, staffRules.manageTeam);
    const body = formToInput(req.body);
    try {
      await write((trx) => renameDepartment(trx, req.staff, req.params.id, body));
    } catch (error) {
      const failure = formFailure(error, ['validation_failed']);
      const department = await getDepartment(app.deps.db, req.staff, req.params.id);
      const form = failedForm(failure, body, req);
      return sendPage(
        reply,
        DepartmentPage({ ctx: pageContext(req, reply), department, form }),
        failure.status,
      );
    }
    return reply.redirect('/staff/team?notice=departmentRenamed', 303);
  });

  app.get<{ Params: { id: string } }>('/staff/team/:id', async (req, reply) => {
    authorize(req.staff, staffRules.viewTeam);
    const { member, departments } = await getStaffMember(app.deps.db, req.staff, req.params.id);
    const ctx = pageContext(req, reply);
    const canManage = can(req.staff, staffRules.manageTeam);
    const form = emptyForm(memberFormValues(member));
    return sendPage(reply, MemberPage({ ctx, member, departments, canManage, form, notice: noticeOf(req) }));
  });

  app.post<{ Params: { id: string } }>('/staff/team/:id', async (req, reply) => {
    authorize(req.staff, staffRules.manageTeam);
    const body = formToInput(req.body);
    try {
      await write((trx) => updateStaffMember(trx, req.staff, req.params.id, body));
    } catch (error) {
      const failure = formFailure(error, ['validation_failed', 'conflict']);
      const { member, departments } = await getStaffMember(app.deps.db, req.staff, req.params.id);
      const ctx = pageContext(req, reply);
      const form = failedForm(failure, body, req);
      return sendPage(reply, MemberPage({ ctx, member, departments, canManage: true, form }), failure.status);
    }
    return reply.redirect(`/staff/team/${encodeURIComponent(req.params.id)}?notice=memberUpdated`, 303);
  });

  app.get('/staff/outbox', async (req, reply) => {
    authorize(req.staff, staffRules.viewOutbox);
    const messages = await listOrganizationOutbox(app.deps.db, req.staff);
    reply.header('cache-control', 'no-store');
    const ctx = pageContext(req, reply);
    return sendPage(reply, OutboxPage({ ctx, messages, publicUrl: config.publicUrl }));
  });

  app.get('/staff/audit', async (req, reply) => {
    authorize(req.staff, staffRules.viewAudit);
    const entries = await listOrganizationAudit(app.deps.db, req.staff);
    return sendPage(reply, AuditPage({ ctx: pageContext(req, reply), entries }));
  });

  app.get('/staff/tokens', async (req, reply) => {
    authorize(req.staff, staffRules.manageOwnTokens);
    const tokens = await listOwnApiTokens(app.deps.db, req.staff);
    return sendPage(reply, TokensPage({ ctx: pageContext(req, reply), tokens, form: emptyForm() }));
  });

  // Not Post/Redirect/Get on purpose: the new token is shown in this response only, because
  // putting it in a redirect URL would leave it in history and logs.
  app.post('/staff/tokens', async (req, reply) => {
    authorize(req.staff, staffRules.manageOwnTokens);
    const body = formToInput(req.body);
    let created: string | undefined;
    let form = emptyForm();
    let status = 201;
    try {
      created = await write((trx) => createPersonalApiToken(trx, req.staff, body));
    } catch (error) {
      const failure = formFailure(error, ['validation_failed']);
      form = failedForm(failure, body, req);
      status = failure.status;
    }
    const tokens = await listOwnApiTokens(app.deps.db, req.staff);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, TokensPage({ ctx: pageContext(req, reply), tokens, form, created }), status);
  });

  app.get(
    '/api/v1/me',
    {
      schema: {
        summary: 'The staff member behind the Bearer token',
        tags: ['staff'],
        response: {
          200: Type.Object({
            id: Type.String(),
            organizationId: Type.String(),
            name: Type.String(),
            email: Type.String(),
            role: Type.String(),
          }),
        },
      },
    },
    async (req) => {
      if (!req.staff) throw new AppError('unauthenticated');
      const { staffId, organizationId, name, email, role } = req.staff;
      return { id: staffId, organizationId, name, email, role };
    },
  );
}
