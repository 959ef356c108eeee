import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../platform/errors.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { requestAnalysis } from './analysis-scheduler.js';
import { formErrors } from '../../ui/page-context.js';
import { importPolisConversation } from './import-polis-conversation.js';
import { listConversations } from './list-conversations.js';
import { conversationRules } from './conversations.policy.js';
import { exportPolisFile, polisFiles } from './polis-export.js';
import { acceptPolisUpload } from './polis-upload.js';
import { ImportPage } from './views/import-page.js';
import { conversationsBase } from './views/staff-parts.js';

type ListParams = { Params: { id: string } };
type FileParams = { Params: { id: string; conversationId: string; file: string } };

/** Pol.is compatibility for staff: import a conversation from export files, export one as them. */
export async function conversationPolisRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  await acceptPolisUpload(app);

  async function showImport(
    req: FastifyRequest<ListParams>,
    reply: FastifyReply,
    form: FormState,
  ): Promise<FastifyReply> {
    const { initiative } = await listConversations(db, req.staff, req.params.id);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      ImportPage({ ctx: pageContext(req, reply), initiative, form }),
      Object.keys(form.errors).length > 0 ? 422 : 200,
    );
  }

  app.get<ListParams>(
    '/staff/initiatives/:id/conversations/import',
    { config: { rule: conversationRules.manage } },
    async (req, reply) => showImport(req, reply, emptyForm()),
  );

  app.post<ListParams>(
    '/staff/initiatives/:id/conversations/import',
    { config: { rule: conversationRules.manage } },
    async (req, reply) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
      try {
        const conversation = await db.transaction().execute((trx) =>
          importPolisConversation(trx, req.staff, req.params.id, {
            question: text(body.question) ?? '',
            comments: text(body.comments),
            votes: text(body.votes),
            participantsVotes: text(body.participantsVotes),
          }),
        );
        requestAnalysis(db, conversation.organizationId, conversation.id);
        return reply.redirect(
          `${conversationsBase(conversation.initiativeId)}/${conversation.id}?notice=imported`,
          303,
        );
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        return showImport(req, reply, {
          values: { question: text(body.question) ?? '' },
          errors: formErrors(error.fields, req.t),
        });
      }
    },
  );

  app.get<FileParams>(
    '/staff/initiatives/:id/conversations/:conversationId/export/:file',
    { config: { rule: conversationRules.export } },
    async (req, reply) => {
      const file = polisFiles.find((f) => f === req.params.file);
      if (!file) throw notFound();
      const csv = await exportPolisFile(db, req.staff, req.params.id, req.params.conversationId, file);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
