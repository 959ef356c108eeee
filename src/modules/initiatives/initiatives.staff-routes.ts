import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { errorDetail } from '../../platform/problem.js';
import { emptyForm, formErrors, pageContext, sendPage } from '../../ui/page-context.js';
import { changeInitiativeStatus, statusActions, type StatusAction } from './change-initiative-status.js';
import { createInitiative } from './create-initiative.js';
import { getInitiativeOverview, getInitiativesSummary, getPlanningOptions } from './initiative-overview.js';
import { updateInitiative } from './update-initiative.js';
import { getInitiative } from './get-initiative.js';
import { Dashboard } from './views/dashboard.js';
import { InitiativeDetail } from './views/initiative-detail.js';
import { InitiativeForm } from './views/initiative-form.js';
import { InitiativeList } from './views/initiative-list.js';
import {
  formToPlan,
  planErrorsToFormFields,
  planToFormValues,
  sentFormValues,
} from './views/plan-form-mapping.js';
import { getOrganization } from '../organizations/get-organization.js';

type IdParams = { Params: { id: string } };
const noticeKeys = new Set(['created', 'saved', 'open', 'close', 'archive']);

function notice(req: FastifyRequest): string | undefined {
  const key = (req.query as Record<string, unknown>).notice;
  return typeof key === 'string' && noticeKeys.has(key) ? req.t(`initiatives:notices.${key}`) : undefined;
}

/** Staff pages: dashboard, list, planning form, detail and status changes. */
export async function initiativeStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  app.get('/staff', async (req, reply) => {
    const summary = await getInitiativesSummary(db, req.staff);
    return sendPage(reply, Dashboard({ ctx: pageContext(req, reply), ...summary }));
  });

  app.get('/staff/initiatives', async (req, reply) => {
    const summary = await getInitiativesSummary(db, req.staff);
    return sendPage(reply, InitiativeList({ ctx: pageContext(req, reply), ...summary }));
  });

  const showForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    target: { id?: string; title?: string },
    values: Record<string, unknown>,
    errors: Record<string, string> = {},
  ) => {
    const options = await getPlanningOptions(db, req.staff);
    const ctx = pageContext(req, reply);
    const isNew = !target.id;
    return sendPage(
      reply,
      InitiativeForm({
        ctx,
        form: { values, errors },
        options,
        action: isNew ? '/staff/initiatives' : `/staff/initiatives/${target.id}`,
        heading: isNew
          ? ctx.t('initiatives:staff.newTitle')
          : ctx.t('initiatives:staff.editTitle', { title: target.title ?? '' }),
        submit: isNew ? ctx.t('initiatives:actions.create') : ctx.t('form.save'),
        cancelHref: isNew ? '/staff/initiatives' : `/staff/initiatives/${target.id}`,
      }),
      Object.keys(errors).length > 0 ? 422 : 200,
    );
  };

  app.get('/staff/initiatives/new', async (req, reply) =>
    showForm(
      req,
      reply,
      {},
      emptyForm({ formOfInvolvement: 'informants', influenceLevel: 'consult', visibility: 'public' }).values,
    ),
  );

  app.post('/staff/initiatives', async (req, reply) => {
    try {
      const created = await db
        .transaction()
        .execute((trx) => createInitiative(trx, req.staff, formToPlan(req.body)));
      return reply.redirect(`/staff/initiatives/${created.id}?notice=created`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      return showForm(
        req,
        reply,
        {},
        sentFormValues(req.body),
        formErrors(planErrorsToFormFields(error.fields, req.body), req.t),
      );
    }
  });

  app.get<IdParams>('/staff/initiatives/:id', async (req, reply) => {
    const overview = await getInitiativeOverview(db, req.staff, req.params.id);
    const org = await getOrganization(db, overview.initiative.organizationId);
    return sendPage(
      reply,
      InitiativeDetail({
        ctx: pageContext(req, reply),
        initiative: overview.initiative,
        extras: { ...overview, orgSlug: org.slug, notice: notice(req), problem: undefined },
      }),
    );
  });

  app.get<IdParams>('/staff/initiatives/:id/edit', async (req, reply) => {
    const initiative = await getInitiative(db, req.staff, req.params.id);
    return showForm(req, reply, initiative, planToFormValues(initiative));
  });

  app.post<IdParams>('/staff/initiatives/:id', async (req, reply) => {
    try {
      await db
        .transaction()
        .execute((trx) => updateInitiative(trx, req.staff, req.params.id, formToPlan(req.body)));
      return reply.redirect(`/staff/initiatives/${req.params.id}?notice=saved`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
      const initiative = await getInitiative(db, req.staff, req.params.id);
      return showForm(
        req,
        reply,
        initiative,
        sentFormValues(req.body),
        formErrors(planErrorsToFormFields(error.fields, req.body), req.t),
      );
    }
  });

  app.post<{ Params: { id: string; action: string } }>(
    '/staff/initiatives/:id/:action',
    async (req, reply) => {
      const action = req.params.action as StatusAction;
      if (!statusActions.includes(action)) throw new AppError('not_found');
      try {
        await db
          .transaction()
          .execute((trx) => changeInitiativeStatus(trx, req.staff, req.params.id, action));
      } catch (error) {
        // A refused change shows the initiative again with the reason (and the checklist) beside the buttons.
        if (
          !(error instanceof AppError) ||
          (error.code !== 'checklist_incomplete' && error.code !== 'invalid_transition')
        )
          throw error;
        const overview = await getInitiativeOverview(db, req.staff, req.params.id);
        const org = await getOrganization(db, overview.initiative.organizationId);
        const problem = errorDetail(error, req.t);
        return sendPage(
          reply,
          InitiativeDetail({
            ctx: pageContext(req, reply),
            initiative: overview.initiative,
            extras: { ...overview, orgSlug: org.slug, notice: undefined, problem },
          }),
          error.status,
        );
      }
      return reply.redirect(`/staff/initiatives/${req.params.id}?notice=${action}`, 303);
    },
  );
}
