import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getOrganization } from '../organizations/get-organization.js';
import { requestAnalysis } from './analysis-scheduler.js';
import { changeConversationStatus } from './change-conversation-status.js';
import { formErrors } from '../../ui/page-context.js';
import { createConversation } from './create-conversation.js';
import { getConversationResults } from './get-conversation-results.js';
import { getConversation } from './get-conversation.js';
import { listConversations } from './list-conversations.js';
import { moderateStatement } from './moderate-statement.js';
import { conversationRules } from './conversations.policy.js';
import { seedStatement } from './seed-statement.js';
import { updateConversation } from './update-conversation.js';
import { ConversationDetailPage } from './views/conversation-detail.js';
import { conversationPath } from './views/participant-pages.js';
import { ReportPage, ResultsPage } from './views/results-pages.js';
import { ConversationFormPage, ConversationListPage } from './views/staff-pages.js';
import { conversationsBase } from './views/staff-parts.js';

type ListParams = { Params: { id: string }; Querystring: { notice?: string } };
type OneParams = { Params: { id: string; conversationId: string }; Querystring: { notice?: string } };
type StatementParams = { Params: { id: string; conversationId: string; statementId: string } };

const noticeKeys = ['created', 'updated', 'opened', 'closed', 'seeded', 'approved', 'hidden', 'imported'];

function notice(req: FastifyRequest<{ Querystring: { notice?: string } }>): string | undefined {
  const key = req.query.notice;
  return typeof key === 'string' && noticeKeys.includes(key)
    ? req.t(`conversations:notices.${key}`)
    : undefined;
}

const isValidation = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'validation_failed';

/** The form's fields as the use case reads them. */
function conversationForm(body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  return {
    question: b.question,
    topic: b.topic ?? '',
    ...(b.statementMaxLength === undefined || b.statementMaxLength === ''
      ? {}
      : { statementMaxLength: b.statementMaxLength }),
    moderation: b.moderation ?? 'before',
  };
}

/** Staff pages: an initiative's conversations, creating and editing one, moderation, results and the report. */
export async function conversationStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;
  const one = '/staff/initiatives/:id/conversations/:conversationId';

  app.get<ListParams>(
    '/staff/initiatives/:id/conversations',
    { config: { rule: conversationRules.view } },
    async (req, reply) => {
      const list = await listConversations(db, req.staff, req.params.id);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        ConversationListPage({ ctx: pageContext(req, reply), ...list, notice: notice(req) }),
      );
    },
  );

  async function showForm(
    req: FastifyRequest<ListParams> | FastifyRequest<OneParams>,
    reply: FastifyReply,
    form: FormState,
    conversationId?: string,
  ): Promise<FastifyReply> {
    const ctx = pageContext(req, reply);
    reply.header('cache-control', 'no-store');
    const status = Object.keys(form.errors).length > 0 ? 422 : 200;
    if (conversationId) {
      const { initiative, conversation } = await getConversation(
        db,
        req.staff,
        req.params.id,
        conversationId,
      );
      const action = `${conversationsBase(initiative.id)}/${conversation.id}`;
      return sendPage(reply, ConversationFormPage({ ctx, initiative, conversation, form, action }), status);
    }
    const { initiative } = await listConversations(db, req.staff, req.params.id);
    return sendPage(
      reply,
      ConversationFormPage({ ctx, initiative, form, action: conversationsBase(initiative.id) }),
      status,
    );
  }

  app.get<ListParams>(
    '/staff/initiatives/:id/conversations/new',
    { config: { rule: conversationRules.manage } },
    async (req, reply) => showForm(req, reply, emptyForm({ statementMaxLength: 140, moderation: 'before' })),
  );

  app.post<ListParams>(
    '/staff/initiatives/:id/conversations',
    { config: { rule: conversationRules.manage } },
    async (req, reply) => {
      const input = conversationForm(req.body);
      try {
        const created = await db
          .transaction()
          .execute((trx) => createConversation(trx, req.staff, req.params.id, input));
        return reply.redirect(`${conversationsBase(created.initiativeId)}/${created.id}?notice=created`, 303);
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showForm(req, reply, { values: input, errors: formErrors(error.fields, req.t) });
      }
    },
  );

  async function showDetail(
    req: FastifyRequest<OneParams>,
    reply: FastifyReply,
    extra: { seedForm?: FormState; moderationError?: string } = {},
  ): Promise<FastifyReply> {
    const view = await getConversation(db, req.staff, req.params.id, req.params.conversationId);
    const org = await getOrganization(db, view.initiative.organizationId);
    reply.header('cache-control', 'no-store');
    const failed = extra.seedForm !== undefined || extra.moderationError !== undefined;
    return sendPage(
      reply,
      ConversationDetailPage({
        ctx: pageContext(req, reply),
        ...view,
        canExport: can(req.staff, conversationRules.export),
        participantUrl: `${config.publicUrl.replace(/\/$/, '')}${conversationPath(org.slug, view.initiative.slug, view.conversation.id)}`,
        ...extra,
        notice: notice(req),
      }),
      failed ? 422 : 200,
    );
  }

  app.get<OneParams>(one, { config: { rule: conversationRules.view } }, async (req, reply) =>
    showDetail(req, reply),
  );

  app.get<OneParams>(`${one}/edit`, { config: { rule: conversationRules.manage } }, async (req, reply) => {
    const { conversation } = await getConversation(db, req.staff, req.params.id, req.params.conversationId);
    return showForm(
      req,
      reply,
      emptyForm({
        question: conversation.question,
        topic: conversation.topic,
        statementMaxLength: conversation.statementMaxLength,
        moderation: conversation.moderation,
      }),
      conversation.id,
    );
  });

  app.post<OneParams>(one, { config: { rule: conversationRules.manage } }, async (req, reply) => {
    const input = conversationForm(req.body);
    try {
      const updated = await db
        .transaction()
        .execute((trx) =>
          updateConversation(trx, req.staff, req.params.id, req.params.conversationId, input),
        );
      return reply.redirect(`${conversationsBase(updated.initiativeId)}/${updated.id}?notice=updated`, 303);
    } catch (error) {
      if (!isValidation(error)) throw error;
      return showForm(
        req,
        reply,
        { values: input, errors: formErrors(error.fields, req.t) },
        req.params.conversationId,
      );
    }
  });

  for (const action of ['open', 'close'] as const) {
    app.post<OneParams>(
      `${one}/${action}`,
      { config: { rule: conversationRules.manage } },
      async (req, reply) => {
        const changed = await db
          .transaction()
          .execute((trx) =>
            changeConversationStatus(trx, req.staff, req.params.id, req.params.conversationId, action),
          );
        const done = action === 'open' ? 'opened' : 'closed';
        return reply.redirect(`${conversationsBase(changed.initiativeId)}/${changed.id}?notice=${done}`, 303);
      },
    );
  }

  app.post<OneParams>(
    `${one}/statements`,
    { config: { rule: conversationRules.manage } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      try {
        await db
          .transaction()
          .execute((trx) =>
            seedStatement(trx, req.staff, req.params.id, req.params.conversationId, { body: body.body }),
          );
        return reply.redirect(
          `${conversationsBase(req.params.id)}/${req.params.conversationId}?notice=seeded`,
          303,
        );
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showDetail(req, reply, {
          seedForm: { values: { body: body.body }, errors: formErrors(error.fields, req.t) },
        });
      }
    },
  );

  app.post<StatementParams & { Querystring: { notice?: string } }>(
    `${one}/statements/:statementId/moderate`,
    { config: { rule: conversationRules.moderate } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      try {
        const statement = await db.transaction().execute((trx) =>
          moderateStatement(
            trx,
            req.staff,
            req.params.id,
            req.params.conversationId,
            req.params.statementId,
            {
              decision: body.decision,
              reason: body.reason ?? '',
            },
          ),
        );
        requestAnalysis(db, req.staff!.organizationId, req.params.conversationId);
        const done = statement.status === 'approved' ? 'approved' : 'hidden';
        return reply.redirect(
          `${conversationsBase(req.params.id)}/${req.params.conversationId}?notice=${done}`,
          303,
        );
      } catch (error) {
        if (!isValidation(error)) throw error;
        const messages = formErrors(error.fields, req.t);
        const label = req.t('conversations:fields.reason');
        return showDetail(req, reply, {
          moderationError: Object.entries(messages)
            .map(([field, m]) => `${field === 'reason' ? label : field}: ${m}`)
            .join(' '),
        });
      }
    },
  );

  app.get<OneParams>(`${one}/results`, { config: { rule: conversationRules.view } }, async (req, reply) => {
    const view = await getConversationResults(db, db, req.staff, req.params.id, req.params.conversationId);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ResultsPage({ ctx: pageContext(req, reply), ...view }));
  });

  app.get<OneParams>(`${one}/report`, { config: { rule: conversationRules.view } }, async (req, reply) => {
    const view = await getConversationResults(db, db, req.staff, req.params.id, req.params.conversationId);
    reply.header('cache-control', 'no-store');
    const imported = [...view.results.statements.values()].some((s) => s.source === 'import');
    return sendPage(reply, ReportPage({ ctx: pageContext(req, reply), ...view, imported }));
  });
}
