import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../platform/actor.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { defineDemographicAttribute } from './define-demographic-attribute.js';
import { defineDemographicCategory } from './define-demographic-category.js';
import { failedForm, nestPrefixed, noticeText } from './form-input.js';
import { getDemographicAttribute, listDemographicDefinitions } from './get-demographic-attribute.js';
import { listDemographicAttributes } from './list-demographic-attributes.js';
import { listInitiativeParticipants } from './list-initiative-participants.js';
import { participantRules } from './participants.policy.js';
import { registerParticipant } from './register-participant.js';
import { DemographicAttributePage, DemographicsAdminPage } from './views/demographics-admin-page.js';
import { InitiativeParticipantsPage } from './views/initiative-participants-page.js';

type Notice = { Querystring: { notice?: string } };
type IdParams = { Params: { id: string } } & Notice;

/** Staff pages: an initiative's participants, desk registration, and the demographics admin. */
export async function participantStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  async function renderParticipants(
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    form: FormState,
    status: number,
  ): Promise<FastifyReply> {
    const list = await listInitiativeParticipants(db, req.staff, req.params.id);
    const canRegister = can(req.staff, participantRules.register);
    const attributes = canRegister ? await listDemographicAttributes(db, list.initiative.organizationId) : [];
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      InitiativeParticipantsPage({
        ctx: pageContext(req, reply),
        ...list,
        canRegister,
        attributes,
        form,
        notice: noticeText(req.t, req.query.notice, ['registered']),
      }),
      status,
    );
  }

  app.get<IdParams>('/staff/initiatives/:id/participants', async (req, reply) =>
    renderParticipants(req, reply, emptyForm({ locale: 'en' }), 200),
  );

  app.post<IdParams>('/staff/initiatives/:id/participants', async (req, reply) => {
    const input = formToInput(req.body);
    try {
      await db
        .transaction()
        .execute(async (trx) =>
          registerParticipant(trx, req.staff, req.params.id, nestPrefixed(input, 'demographics')),
        );
    } catch (error) {
      return renderParticipants(req, reply, failedForm(error, input, req), 422);
    }
    return reply.redirect(
      `/staff/initiatives/${encodeURIComponent(req.params.id)}/participants?notice=registered`,
      303,
    );
  });

  async function renderAdmin(
    req: FastifyRequest<Notice>,
    reply: FastifyReply,
    form: FormState,
    status: number,
  ): Promise<FastifyReply> {
    const attributes = await listDemographicDefinitions(db, req.staff);
    return sendPage(
      reply,
      DemographicsAdminPage({
        ctx: pageContext(req, reply),
        attributes,
        form,
        notice: noticeText(req.t, req.query.notice, ['attributeDefined']),
      }),
      status,
    );
  }

  app.get<Notice>('/staff/demographics', async (req, reply) => renderAdmin(req, reply, emptyForm(), 200));

  app.post<Notice>('/staff/demographics', async (req, reply) => {
    const input = formToInput(req.body);
    let id: string;
    try {
      id = await db.transaction().execute(async (trx) => defineDemographicAttribute(trx, req.staff, input));
    } catch (error) {
      return renderAdmin(req, reply, failedForm(error, input, req), 422);
    }
    return reply.redirect(`/staff/demographics/${id}?notice=attributeDefined`, 303);
  });

  async function renderAttribute(
    req: FastifyRequest<IdParams>,
    reply: FastifyReply,
    form: FormState,
    status: number,
  ): Promise<FastifyReply> {
    const attribute = await getDemographicAttribute(db, req.staff, req.params.id);
    return sendPage(
      reply,
      DemographicAttributePage({
        ctx: pageContext(req, reply),
        attribute,
        form,
        notice: noticeText(req.t, req.query.notice, ['attributeDefined', 'categoryDefined']),
      }),
      status,
    );
  }

  app.get<IdParams>('/staff/demographics/:id', async (req, reply) =>
    renderAttribute(req, reply, emptyForm(), 200),
  );

  app.post<IdParams>('/staff/demographics/:id/categories', async (req, reply) => {
    const input = formToInput(req.body);
    try {
      await db
        .transaction()
        .execute(async (trx) => defineDemographicCategory(trx, req.staff, req.params.id, input));
    } catch (error) {
      return renderAttribute(req, reply, failedForm(error, input, req), 422);
    }
    return reply.redirect(
      `/staff/demographics/${encodeURIComponent(req.params.id)}?notice=categoryDefined`,
      303,
    );
  });
}
