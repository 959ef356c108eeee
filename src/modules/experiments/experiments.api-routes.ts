import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { decideExperiment, recordResults } from './decide-experiment.js';
import { DecisionInput, ExperimentInput, ResultsInput } from './experiment-input.js';
import { experimentRules } from './experiments.policy.js';
import { getExperiment, listExperiments } from './list-experiments.js';
import { planExperiment } from './plan-experiment.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const InitiativeParams = Type.Object({ id: Id });
const OneParams = Type.Object({ id: Id, experimentId: Id });
const tags = ['experiments'];
const writeErrors = { 409: ProblemSchema, ...commonErrors };
const Nullable = (s: ReturnType<typeof Type.String>) => Type.Union([s, Type.Null()]);

const ExperimentView = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  departmentId: Nullable(Type.String()),
  title: Type.String(),
  hypothesis: Type.Object({ weBelieve: Type.String(), forWhom: Type.String(), willResultIn: Type.String() }),
  measure: Type.String(),
  successCriterion: Type.String(),
  method: Type.String(),
  pilotSite: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  ideaIds: Type.Array(Type.String()),
  prototypeIds: Type.Array(Type.String()),
  usersTested: Type.Integer(),
  userSegments: Type.String(),
  results: Type.String(),
  learnings: Type.String(),
  decision: Nullable(Type.String()),
  decisionReason: Type.String(),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

/** JSON API for experiments and pilots. */
export async function experimentApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/experiments',
    {
      config: { rule: experimentRules.view },
      schema: {
        tags,
        summary: 'An initiative’s experiments and pilots',
        params: InitiativeParams,
        response: { 200: Type.Object({ items: Type.Array(ExperimentView) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await listExperiments(db, req.staff, req.params.id)).experiments }),
  );

  app.post(
    '/api/v1/initiatives/:id/experiments',
    {
      config: { rule: experimentRules.manage },
      schema: {
        tags,
        summary:
          'Plan an experiment: hypothesis, measure and success criterion, method, dates, linked ideas and prototypes',
        params: InitiativeParams,
        body: ExperimentInput,
        response: { 201: ExperimentView, ...writeErrors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await db.transaction().execute((trx) => planExperiment(trx, req.staff, req.params.id, req.body)),
        ),
  );

  app.get(
    '/api/v1/initiatives/:id/experiments/:experimentId',
    {
      config: { rule: experimentRules.view },
      schema: {
        tags,
        summary: 'One experiment',
        params: OneParams,
        response: { 200: ExperimentView, ...commonErrors },
      },
    },
    async (req) => (await getExperiment(db, req.staff, req.params.id, req.params.experimentId)).experiment,
  );

  app.post(
    '/api/v1/initiatives/:id/experiments/:experimentId/results',
    {
      config: { rule: experimentRules.manage },
      schema: {
        tags,
        summary: 'Record the users involved in testing, the results and the learnings',
        description: 'A decided experiment answers 409.',
        params: OneParams,
        body: ResultsInput,
        response: { 200: ExperimentView, ...writeErrors },
      },
    },
    async (req) =>
      db
        .transaction()
        .execute((trx) => recordResults(trx, req.staff, req.params.id, req.params.experimentId, req.body)),
  );

  app.post(
    '/api/v1/initiatives/:id/experiments/:experimentId/decision',
    {
      config: { rule: experimentRules.manage },
      schema: {
        tags,
        summary: 'The decision gate: scale up, iterate or stop',
        description:
          'Without recorded results any decision answers 422 (`experiments.noResults`); scale-up also needs at least one user in the test (`experiments.noUserTest`). Decided once: a second decision answers 409.',
        params: OneParams,
        body: DecisionInput,
        response: { 200: ExperimentView, ...writeErrors },
      },
    },
    async (req) =>
      db
        .transaction()
        .execute((trx) => decideExperiment(trx, req.staff, req.params.id, req.params.experimentId, req.body)),
  );
}
