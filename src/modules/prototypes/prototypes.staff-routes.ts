import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { acceptUploads } from '../../platform/http/uploads.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { formErrors } from '../../ui/page-context.js';
import { getPrototype, getStaffPrototypeFile } from './get-prototype.js';
import { listPrototypes } from './list-prototypes.js';
import { MAX_FILE_BYTES, MAX_FILES } from './prototype-input.js';
import { prototypeRules } from './prototypes.policy.js';
import { sendStoredFile } from './prototypes.public-routes.js';
import { publishNewVersion, publishPrototype } from './publish-prototype.js';
import { roundFromForm } from './views/form-mapping.js';
import {
  RoundFormPage,
  staffPrototypesPath,
  StaffPrototypePage,
  StaffPrototypesPage,
} from './views/staff-pages.js';

type ListParams = { Params: { id: string } };
type OneParams = { Params: { id: string; prototypeId: string }; Querystring: { notice?: string } };
type FileParams = { Params: { id: string; prototypeId: string; fileId: string } };

const isValidation = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'validation_failed';

/** Staff pages of prototypes: the list, publishing a draft or a new version, rounds side by side. */
export async function prototypeStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  // One more file than allowed is read, so "too many" is a message beside the field, not a 413.
  await acceptUploads(app, { maxFileBytes: MAX_FILE_BYTES, maxFiles: MAX_FILES + 1 });

  app.get<ListParams>(
    '/staff/initiatives/:id/prototypes',
    { config: { rule: prototypeRules.view } },
    async (req, reply) => {
      const list = await listPrototypes(db, req.staff, req.params.id);
      reply.header('cache-control', 'no-store');
      return sendPage(reply, StaffPrototypesPage({ ctx: pageContext(req, reply), ...list }));
    },
  );

  async function showNew(req: FastifyRequest<ListParams>, reply: FastifyReply, form: FormState) {
    const initiative = await getInitiative(db, req.staff, req.params.id);
    const ctx = pageContext(req, reply);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      RoundFormPage({
        ctx,
        initiative,
        heading: ctx.t('prototypes:staff.newTitle'),
        withTitle: true,
        action: staffPrototypesPath(initiative.id),
        form,
      }),
      Object.keys(form.errors).length > 0 ? 422 : 200,
    );
  }

  app.get<ListParams>(
    '/staff/initiatives/:id/prototypes/new',
    { config: { rule: prototypeRules.publish } },
    (req, reply) => showNew(req, reply, emptyForm()),
  );

  app.post<ListParams>(
    '/staff/initiatives/:id/prototypes',
    { config: { rule: prototypeRules.publish } },
    async (req, reply) => {
      const { input, files, values } = roundFromForm(req.body);
      try {
        const created = await db
          .transaction()
          .execute((trx) => publishPrototype(trx, req.staff, req.params.id, input, files));
        return reply.redirect(
          `${staffPrototypesPath(created.initiativeId)}/${created.id}?notice=published`,
          303,
        );
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showNew(req, reply, { values, errors: formErrors(error.fields, req.t) });
      }
    },
  );

  app.get<OneParams>(
    '/staff/initiatives/:id/prototypes/:prototypeId',
    { config: { rule: prototypeRules.view } },
    async (req, reply) => {
      const found = await getPrototype(db, req.staff, req.params.id, req.params.prototypeId);
      const notice = ['published', 'version'].includes(req.query.notice ?? '')
        ? req.t(`prototypes:notices.${req.query.notice}`)
        : undefined;
      reply.header('cache-control', 'no-store');
      return sendPage(reply, StaffPrototypePage({ ctx: pageContext(req, reply), ...found, notice }));
    },
  );

  app.get<FileParams>(
    '/staff/initiatives/:id/prototypes/:prototypeId/files/:fileId',
    { config: { rule: prototypeRules.view } },
    async (req, reply) =>
      sendStoredFile(
        reply,
        await getStaffPrototypeFile(db, req.staff, req.params.id, req.params.prototypeId, req.params.fileId),
      ),
  );

  async function showNewVersion(req: FastifyRequest<OneParams>, reply: FastifyReply, form: FormState) {
    const found = await getPrototype(db, req.staff, req.params.id, req.params.prototypeId);
    const ctx = pageContext(req, reply);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      RoundFormPage({
        ctx,
        initiative: found.initiative,
        heading: ctx.t('prototypes:staff.newVersionTitle', { title: found.prototype.title }),
        withTitle: false,
        action: `${staffPrototypesPath(found.initiative.id)}/${found.prototype.id}/versions`,
        form,
      }),
      Object.keys(form.errors).length > 0 ? 422 : 200,
    );
  }

  app.get<OneParams>(
    '/staff/initiatives/:id/prototypes/:prototypeId/versions/new',
    { config: { rule: prototypeRules.publish } },
    async (req, reply) => {
      const found = await getPrototype(db, req.staff, req.params.id, req.params.prototypeId);
      const last = found.prototype.versions[found.prototype.versions.length - 1]!;
      // The new round starts from the last one: staff change what they learned, not retype it.
      return showNewVersion(
        req,
        reply,
        emptyForm({ body: last.body, questions: last.questions.map((q) => q.text).join('\n') }),
      );
    },
  );

  app.post<OneParams>(
    '/staff/initiatives/:id/prototypes/:prototypeId/versions',
    { config: { rule: prototypeRules.publish } },
    async (req, reply) => {
      const { input, files, values } = roundFromForm(req.body);
      try {
        await db
          .transaction()
          .execute((trx) =>
            publishNewVersion(trx, req.staff, req.params.id, req.params.prototypeId, input, files),
          );
        return reply.redirect(
          `${staffPrototypesPath(req.params.id)}/${req.params.prototypeId}?notice=version`,
          303,
        );
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showNewVersion(req, reply, { values, errors: formErrors(error.fields, req.t) });
      }
    },
  );
}
