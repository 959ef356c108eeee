import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { listIdeas } from '../ideas/list-ideas.js';
import { formErrors } from '../../ui/page-context.js';
import { listPrototypes } from '../prototypes/list-prototypes.js';
import { listExperiments } from '../experiments/list-experiments.js';
import { listTeam } from '../staff/list-team.js';
import { addMember } from './add-member.js';
import { createSprint } from './create-sprint.js';
import { getSprint, listSprints } from './get-sprint.js';
import { changeStage, dismissWarning, placeOnBoard } from './run-sprint.js';
import { sprintRules } from './sprints.policy.js';
import { SprintPage, SprintsPage, staffSprintsPath } from './views/staff-pages.js';

type ListParams = { Params: { id: string } };
type OneParams = { Params: { id: string; sprintId: string }; Querystring: { notice?: string } };

const isValidation = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'validation_failed';

/** Staff pages of sprints: the list with the form to start one, and one sprint with its team and board. */
export async function sprintStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.deps;

  async function showList(
    req: FastifyRequest<ListParams>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) {
    const list = await listSprints(db, req.staff, req.params.id);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, SprintsPage({ ctx: pageContext(req, reply), ...list, form }), status);
  }

  app.get<ListParams>(
    '/staff/initiatives/:id/sprints',
    { config: { rule: sprintRules.view } },
    (req, reply) => showList(req, reply, emptyForm()),
  );

  app.post<ListParams>(
    '/staff/initiatives/:id/sprints',
    { config: { rule: sprintRules.manage } },
    async (req, reply) => {
      const input = formToInput(req.body);
      try {
        const sprint = await db
          .transaction()
          .execute((trx) => createSprint(trx, req.staff, req.params.id, input));
        return reply.redirect(`${staffSprintsPath(sprint.initiative_id)}/${sprint.id}?notice=created`, 303);
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showList(req, reply, { values: input, errors: formErrors(error.fields, req.t) }, 422);
      }
    },
  );

  async function showSprint(
    req: FastifyRequest<OneParams>,
    reply: FastifyReply,
    options: { memberForm?: FormState; itemForm?: FormState; invitationLink?: string; status?: number } = {},
  ) {
    const found = await getSprint(db, req.staff, req.params.id, req.params.sprintId);
    const team = await listTeam(db, req.staff);
    const ideas = await listIdeas(db, req.staff, found.initiative.id);
    const prototypes = await listPrototypes(db, req.staff, found.initiative.id);
    const experiments = await listExperiments(db, req.staff, found.initiative.id);
    const ctx = pageContext(req, reply);
    const key = req.query.notice ?? '';
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      SprintPage({
        ctx,
        ...found,
        staffOptions: team.members
          .filter((m) => m.status === 'active')
          .map((m) => ({ value: m.id, label: m.name })),
        departmentOptions: team.departments.map((d) => ({ value: d.id, label: d.name })),
        itemOptions: [
          ...ideas.ideas
            .filter((i) => i.mergedIntoId === null)
            .map((i) => ({
              value: `idea:${i.id}`,
              label: `${ctx.t('sprints:kindsOfItem.idea')}: ${i.title}`,
            })),
          ...prototypes.prototypes.map((p) => ({
            value: `prototype:${p.id}`,
            label: `${ctx.t('sprints:kindsOfItem.prototype')}: ${p.title}`,
          })),
          ...experiments.experiments.map((e) => ({
            value: `experiment:${e.id}`,
            label: `${ctx.t('sprints:kindsOfItem.experiment')}: ${e.title}`,
          })),
        ],
        memberForm: options.memberForm ?? emptyForm({ role: 'user' }),
        itemForm: options.itemForm ?? emptyForm({ stage: found.sprint.stage }),
        invitationLink: options.invitationLink,
        notice: ['created', 'memberAdded', 'placed', 'stage', 'dismissed'].includes(key)
          ? ctx.t(`sprints:notices.${key}`)
          : undefined,
      }),
      options.status ?? 200,
    );
  }

  app.get<OneParams>(
    '/staff/initiatives/:id/sprints/:sprintId',
    { config: { rule: sprintRules.view } },
    (req, reply) => showSprint(req, reply),
  );

  app.post<OneParams>(
    '/staff/initiatives/:id/sprints/:sprintId/members',
    { config: { rule: sprintRules.manage } },
    async (req, reply) => {
      const input = formToInput(req.body);
      try {
        const added = await db
          .transaction()
          .execute((trx) => addMember(trx, req.staff, req.params.id, req.params.sprintId, input));
        if (!added.invitationToken)
          return reply.redirect(
            `${staffSprintsPath(req.params.id)}/${req.params.sprintId}?notice=memberAdded`,
            303,
          );
        // The link is shown once, on this page, and never stored: it is not put in a URL or a log.
        const link = `${config.publicUrl}/sprint-invitations/${added.invitationToken}`;
        return showSprint(req, reply, { invitationLink: link });
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showSprint(req, reply, {
          memberForm: { values: input, errors: formErrors(error.fields, req.t) },
          status: 422,
        });
      }
    },
  );

  /** A one-form action on a sprint that goes back to the sprint with a notice. */
  function action(
    suffix: string,
    notice: string,
    run: (
      trx: Db,
      actor: StaffActor | undefined,
      req: FastifyRequest<OneParams>,
      input: Record<string, unknown>,
    ) => Promise<void>,
  ) {
    app.post<OneParams>(
      `/staff/initiatives/:id/sprints/:sprintId/${suffix}`,
      { config: { rule: sprintRules.manage } },
      async (req, reply) => {
        const input = formToInput(req.body);
        try {
          await db.transaction().execute((trx) => run(trx, req.staff, req, input));
          return reply.redirect(
            `${staffSprintsPath(req.params.id)}/${req.params.sprintId}?notice=${notice}`,
            303,
          );
        } catch (error) {
          if (!isValidation(error)) throw error;
          return showSprint(req, reply, {
            itemForm: {
              values: input,
              errors: formErrors(
                error.fields.map((f) =>
                  f.field === 'itemId' || f.field === 'kind' ? { ...f, field: 'item' } : f,
                ),
                req.t,
              ),
            },
            status: 422,
          });
        }
      },
    );
  }

  action('items', 'placed', (trx, actor, req, input) => {
    const [kind, itemId] = typeof input.item === 'string' ? input.item.split(':', 2) : [];
    return placeOnBoard(trx, actor, req.params.id, req.params.sprintId, { kind, itemId, stage: input.stage });
  });
  action('stage', 'stage', (trx, actor, req, input) =>
    changeStage(trx, actor, req.params.id, req.params.sprintId, input),
  );
  action('warnings/dismiss', 'dismissed', (trx, actor, req, input) =>
    dismissWarning(trx, actor, req.params.id, req.params.sprintId, input),
  );
}
