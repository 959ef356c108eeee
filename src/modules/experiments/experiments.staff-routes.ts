import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { formToInput } from '../../platform/validation.js';
import { emptyForm, pageContext, sendPage, type FormState } from '../../ui/page-context.js';
import { formErrors } from '../../ui/page-context.js';
import { listTeam } from '../staff/list-team.js';
import { listIdeas } from '../ideas/list-ideas.js';
import { listPrototypes } from '../prototypes/list-prototypes.js';
import { decideExperiment, recordResults } from './decide-experiment.js';
import { experimentRules } from './experiments.policy.js';
import { getExperiment, listExperiments } from './list-experiments.js';
import { planExperiment } from './plan-experiment.js';
import { ExperimentPage, ExperimentsPage, staffExperimentsPath } from './views/staff-pages.js';

type ListParams = { Params: { id: string } };
type OneParams = { Params: { id: string; experimentId: string }; Querystring: { notice?: string } };

const isValidation = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'validation_failed';

/** Staff pages of experiments: the list with the plan form, one experiment with results and the decision gate. */
export async function experimentStaffRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.deps;

  async function showList(
    req: FastifyRequest<ListParams>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
  ) {
    const list = await listExperiments(db, req.staff, req.params.id);
    const team = await listTeam(db, req.staff);
    const ideas = await listIdeas(db, req.staff, list.initiative.id);
    const prototypes = await listPrototypes(db, req.staff, list.initiative.id);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      ExperimentsPage({
        ctx: pageContext(req, reply),
        ...list,
        form,
        departments: team.departments.map((d) => ({ value: d.id, label: d.name })),
        ideas: ideas.ideas
          .filter((i) => i.mergedIntoId === null)
          .map((i) => ({ value: i.id, label: i.title })),
        prototypes: prototypes.prototypes.map((p) => ({ value: p.id, label: p.title })),
      }),
      status,
    );
  }

  app.get<ListParams>(
    '/staff/initiatives/:id/experiments',
    { config: { rule: experimentRules.view } },
    (req, reply) => showList(req, reply, emptyForm({ method: 'pilot_site' })),
  );

  app.post<ListParams>(
    '/staff/initiatives/:id/experiments',
    { config: { rule: experimentRules.manage } },
    async (req, reply) => {
      const input = formToInput(req.body);
      try {
        const e = await db
          .transaction()
          .execute((trx) => planExperiment(trx, req.staff, req.params.id, input));
        return reply.redirect(`${staffExperimentsPath(e.initiativeId)}/${e.id}?notice=planned`, 303);
      } catch (error) {
        if (!isValidation(error)) throw error;
        return showList(req, reply, { values: input, errors: formErrors(error.fields, req.t) }, 422);
      }
    },
  );

  async function showOne(
    req: FastifyRequest<OneParams>,
    reply: FastifyReply,
    forms: { results?: FormState; decision?: FormState } = {},
    status = 200,
  ) {
    const found = await getExperiment(db, req.staff, req.params.id, req.params.experimentId);
    const e = found.experiment;
    const key = req.query.notice ?? '';
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      ExperimentPage({
        ctx: pageContext(req, reply),
        ...found,
        resultsForm:
          forms.results ??
          emptyForm({
            usersTested: e.usersTested,
            userSegments: e.userSegments,
            results: e.results,
            learnings: e.learnings,
          }),
        decisionForm: forms.decision ?? emptyForm(),
        notice: ['planned', 'results', 'decided'].includes(key)
          ? req.t(`experiments:notices.${key}`)
          : undefined,
      }),
      status,
    );
  }

  app.get<OneParams>(
    '/staff/initiatives/:id/experiments/:experimentId',
    { config: { rule: experimentRules.view } },
    (req, reply) => showOne(req, reply),
  );

  for (const [suffix, notice, run] of [
    ['results', 'results', recordResults],
    ['decision', 'decided', decideExperiment],
  ] as const) {
    app.post<OneParams>(
      `/staff/initiatives/:id/experiments/:experimentId/${suffix}`,
      { config: { rule: experimentRules.manage } },
      async (req, reply) => {
        const input = formToInput(req.body);
        try {
          await db
            .transaction()
            .execute((trx) => run(trx, req.staff, req.params.id, req.params.experimentId, input));
          return reply.redirect(
            `${staffExperimentsPath(req.params.id)}/${req.params.experimentId}?notice=${notice}`,
            303,
          );
        } catch (error) {
          if (!isValidation(error)) throw error;
          const form = { values: input, errors: formErrors(error.fields, req.t) };
          return showOne(req, reply, suffix === 'results' ? { results: form } : { decision: form }, 422);
        }
      },
    );
  }
}
