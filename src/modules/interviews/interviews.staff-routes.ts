import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { createInterview } from './create-interview.js';
import { deleteInterview } from './delete-interview.js';
import { getInterviewFormOptions, type InterviewFormOptions } from './get-interview-form-options.js';
import { getInterview } from './get-interview.js';
import { today } from './interview-input.js';
import { formErrors } from '../../ui/page-context.js';
import type { InterviewView } from './interview-view.js';
import { interviewRules } from './interviews.policy.js';
import { listInterviews } from './list-interviews.js';
import { acceptUploads } from '../../platform/http/uploads.js';
import { updateInterview } from './update-interview.js';
import {
  errorsToFormFields,
  formToInterview,
  interviewToFormValues,
  sentValues,
} from './views/form-mapping.js';
import { DeleteInterviewPage, InterviewDetailPage } from './views/interview-detail.js';
import { InterviewFormPage, type FormChoices } from './views/interview-form.js';
import { InterviewListPage } from './views/interview-list.js';

type ListParams = { Params: { id: string }; Querystring: { notice?: string } };
type OneParams = { Params: { id: string; interviewId: string }; Querystring: { notice?: string } };

function notice(
  req: FastifyRequest<{ Querystring: { notice?: string } }>,
  known: string[],
): string | undefined {
  const key = req.query.notice;
  return typeof key === 'string' && known.includes(key) ? req.t(`interviews:notices.${key}`) : undefined;
}

/** The form's choices; when editing, the current interviewer and participant stay selectable. */
function choicesFor(options: InterviewFormOptions, current?: InterviewView): FormChoices {
  const staff = [...options.staff];
  const participants = [...options.participants];
  if (current?.interviewer && !staff.some((s) => s.id === current.interviewer!.id))
    staff.push(current.interviewer);
  if (current?.participant && !participants.some((p) => p.id === current.participant!.id))
    participants.push(current.participant);
  return { staff, participants };
}

const isValidation = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'validation_failed';

/** Staff pages: an initiative's interviews, recording, reading, editing and deleting one. */
export async function interviewStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;
  // Transcripts are text: a few megabytes is already hours of talk. The form repeats note and quote
  // rows, hence the many parts.
  await acceptUploads(app, {
    maxFileBytes: 5 * 1024 * 1024,
    maxFiles: 2,
    maxParts: 400,
    oversized: 'refuse',
  });
  const listPath = (id: string) => `/staff/initiatives/${encodeURIComponent(id)}/interviews`;

  app.get<ListParams>(
    '/staff/initiatives/:id/interviews',
    { config: { rule: interviewRules.view } },
    async (req, reply) => {
      const list = await listInterviews(db, req.staff, req.params.id);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        InterviewListPage({ ctx: pageContext(req, reply), ...list, notice: notice(req, ['deleted']) }),
      );
    },
  );

  async function showForm(
    req: FastifyRequest<ListParams> | FastifyRequest<OneParams>,
    reply: FastifyReply,
    form: FormState,
    current?: InterviewView,
  ): Promise<FastifyReply> {
    const options = await getInterviewFormOptions(db, req.staff, req.params.id);
    const ctx = pageContext(req, reply);
    const base = listPath(options.initiative.id);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      InterviewFormPage({
        ctx,
        initiative: options.initiative,
        form,
        choices: choicesFor(options, current),
        action: current ? `${base}/${current.id}` : base,
        heading: current ? ctx.t('interviews:staff.editTitle') : ctx.t('interviews:staff.newTitle'),
        submit: current ? ctx.t('form.save') : ctx.t('interviews:actions.save'),
        cancelHref: current ? `${base}/${current.id}` : base,
      }),
      Object.keys(form.errors).length > 0 ? 422 : 200,
    );
  }

  app.get<ListParams>(
    '/staff/initiatives/:id/interviews/new',
    { config: { rule: interviewRules.record } },
    async (req, reply) =>
      showForm(
        req,
        reply,
        emptyForm({
          method: 'interview',
          heldOn: today(),
          interviewerId: req.staff?.staffId ?? '',
          transcriptFormat: 'auto',
        }),
      ),
  );

  app.post<ListParams>(
    '/staff/initiatives/:id/interviews',
    { config: { rule: interviewRules.record } },
    async (req, reply) => {
      const mapped = formToInterview(req.body);
      try {
        const created = await db
          .transaction()
          .execute((trx) => createInterview(trx, req.staff, req.params.id, mapped.input));
        return reply.redirect(`${listPath(created.initiativeId)}/${created.id}?notice=created`, 303);
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showForm(req, reply, {
          values: sentValues(req.body),
          errors: formErrors(errorsToFormFields(error.fields, mapped), req.t),
        });
      }
    },
  );

  app.get<OneParams>(
    '/staff/initiatives/:id/interviews/:interviewId',
    { config: { rule: interviewRules.view } },
    async (req, reply) => {
      const found = await getInterview(db, req.staff, req.params.id, req.params.interviewId);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        InterviewDetailPage({
          ctx: pageContext(req, reply),
          ...found,
          notice: notice(req, ['created', 'saved']),
        }),
      );
    },
  );

  app.get<OneParams>(
    '/staff/initiatives/:id/interviews/:interviewId/edit',
    { config: { rule: interviewRules.manage } },
    async (req, reply) => {
      const { view } = await getInterview(db, req.staff, req.params.id, req.params.interviewId);
      return showForm(req, reply, emptyForm(interviewToFormValues(view)), view);
    },
  );

  app.post<OneParams>(
    '/staff/initiatives/:id/interviews/:interviewId',
    { config: { rule: interviewRules.manage } },
    async (req, reply) => {
      const mapped = formToInterview(req.body);
      try {
        const updated = await db
          .transaction()
          .execute((trx) =>
            updateInterview(trx, req.staff, req.params.id, req.params.interviewId, mapped.input),
          );
        return reply.redirect(`${listPath(updated.initiativeId)}/${updated.id}?notice=saved`, 303);
      } catch (error) {
        if (!isValidation(error)) throw error;
        const { view } = await getInterview(db, req.staff, req.params.id, req.params.interviewId);
        return showForm(
          req,
          reply,
          {
            values: sentValues(req.body),
            errors: formErrors(errorsToFormFields(error.fields, mapped), req.t),
          },
          view,
        );
      }
    },
  );

  app.get<OneParams>(
    '/staff/initiatives/:id/interviews/:interviewId/delete',
    { config: { rule: interviewRules.manage } },
    async (req, reply) => {
      const { initiative, view } = await getInterview(db, req.staff, req.params.id, req.params.interviewId);
      return sendPage(reply, DeleteInterviewPage({ ctx: pageContext(req, reply), initiative, view }));
    },
  );

  app.post<OneParams>(
    '/staff/initiatives/:id/interviews/:interviewId/delete',
    { config: { rule: interviewRules.manage } },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => deleteInterview(trx, req.staff, req.params.id, req.params.interviewId));
      return reply.redirect(`${listPath(req.params.id)}?notice=deleted`, 303);
    },
  );
}
