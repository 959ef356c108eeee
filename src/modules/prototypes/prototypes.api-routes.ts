import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { nowIso } from '../../platform/clock.js';
import { getPrototype } from './get-prototype.js';
import { listPrototypes } from './list-prototypes.js';
import { PrototypeInput, VersionInput } from './prototype-input.js';
import { FeedbackView, PrototypeView, toPrototypeView } from './prototype-view.js';
import { prototypeRules } from './prototypes.policy.js';
import { publishNewVersion, publishPrototype } from './publish-prototype.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const InitiativeParams = Type.Object({ id: Id });
const PrototypeParams = Type.Object({ id: Id, prototypeId: Id });
const tags = ['prototypes'];
const writeErrors = { 409: ProblemSchema, ...commonErrors };

const RoundView = Type.Object({
  versionId: Type.String(),
  number: Type.Integer(),
  responses: Type.Integer(),
  meanRating: Type.Union([Type.Number(), Type.Null()]),
  ratings: Type.Array(Type.Integer(), { description: 'how many gave 1, 2, 3, 4 and 5' }),
  works: Type.Array(Type.String()),
  doesNotWork: Type.Array(Type.String()),
  missing: Type.Array(Type.String()),
  questions: Type.Array(
    Type.Object({ id: Type.String(), text: Type.String(), answers: Type.Array(Type.String()) }),
  ),
});

/** JSON API for prototypes and their feedback (Bearer tokens; the same use cases as the pages). */
export async function prototypeApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/prototypes',
    {
      config: { rule: prototypeRules.view },
      schema: {
        tags,
        summary: 'An initiative’s prototypes with every version',
        params: InitiativeParams,
        response: { 200: Type.Object({ items: Type.Array(PrototypeView) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await listPrototypes(db, req.staff, req.params.id)).prototypes }),
  );

  app.post(
    '/api/v1/initiatives/:id/prototypes',
    {
      config: { rule: prototypeRules.publish },
      schema: {
        tags,
        summary: 'Publish a prototype’s first version for a feedback round',
        description:
          'Files are uploaded through the staff pages (multipart). `closesOn` must be today or later.',
        params: InitiativeParams,
        body: PrototypeInput,
        response: { 201: PrototypeView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const created = await db
        .transaction()
        .execute((trx) => publishPrototype(trx, req.staff, req.params.id, req.body));
      return reply.status(201).send(toPrototypeView(created, nowIso()));
    },
  );

  app.get(
    '/api/v1/initiatives/:id/prototypes/:prototypeId',
    {
      config: { rule: prototypeRules.view },
      schema: {
        tags,
        summary: 'One prototype with its versions and the rounds compared side by side',
        params: PrototypeParams,
        response: {
          200: Type.Object({ prototype: PrototypeView, rounds: Type.Array(RoundView) }),
          ...commonErrors,
        },
      },
    },
    async (req) => {
      const found = await getPrototype(db, req.staff, req.params.id, req.params.prototypeId);
      return { prototype: found.prototype, rounds: found.rounds };
    },
  );

  app.get(
    '/api/v1/initiatives/:id/prototypes/:prototypeId/feedback',
    {
      config: { rule: prototypeRules.view },
      schema: {
        tags,
        summary: 'All feedback on a prototype, every round, oldest first (without who gave it)',
        params: PrototypeParams,
        response: { 200: Type.Object({ items: Type.Array(FeedbackView) }), ...commonErrors },
      },
    },
    async (req) => ({
      items: (await getPrototype(db, req.staff, req.params.id, req.params.prototypeId)).feedback,
    }),
  );

  app.post(
    '/api/v1/initiatives/:id/prototypes/:prototypeId/versions',
    {
      config: { rule: prototypeRules.publish },
      schema: {
        tags,
        summary: 'Publish a new version: a new feedback round; earlier ones and their feedback stay',
        params: PrototypeParams,
        body: VersionInput,
        response: { 201: PrototypeView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const updated = await db
        .transaction()
        .execute((trx) => publishNewVersion(trx, req.staff, req.params.id, req.params.prototypeId, req.body));
      return reply.status(201).send(toPrototypeView(updated, nowIso()));
    },
  );
}
