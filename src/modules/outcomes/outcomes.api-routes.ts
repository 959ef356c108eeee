import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors } from '../../platform/http/api-schemas.js';
import { inputKinds, type InputKind } from '../decisions/input-source.js';
import { getYouSaidWeDidForStaff } from './get-you-said-we-did.js';
import { outcomeRules } from './outcomes.policy.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const tags = ['outcomes'];

const DecisionOutcomeView = Type.Object({
  id: Type.String(),
  title: Type.String(),
  rationale: Type.String(),
  decidedBy: Type.String(),
  decidedOn: Type.String({ format: 'date' }),
  status: Type.String(),
  notAdoptedReason: Type.String({ description: 'the public reason, only for status not_adopted' }),
  said: Type.Object({
    linked: Type.Boolean({ description: 'whether any input is linked to the decision' }),
    suppressed: Type.Boolean({
      description: 'fewer than k distinct contributors: no counts and no quotes are given',
    }),
    contributors: Type.Union([Type.Integer(), Type.Null()], { description: 'null when suppressed' }),
    inputs: Type.Array(
      Type.Object({
        kind: Type.Unsafe<InputKind>({ type: 'string', enum: [...inputKinds] }),
        count: Type.Integer(),
      }),
    ),
    quotes: Type.Array(Type.String(), {
      description: 'at most 3, only from contributors who agreed to be quoted, without names',
    }),
  }),
});

const YouSaidWeDidView = Type.Object({
  initiative: Type.Object({ id: Type.String(), slug: Type.String(), title: Type.String() }),
  smallCellK: Type.Integer({ description: 'the organization’s small-cell threshold used' }),
  topics: Type.Array(
    Type.Object({
      topic: Type.Union([Type.String(), Type.Null()], { description: 'null: decisions without a topic' }),
      decisions: Type.Array(DecisionOutcomeView),
    }),
  ),
});

/** JSON API of "you said, we did", with the same suppression as the public pages. */
export async function outcomeApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/you-said-we-did',
    {
      config: { rule: outcomeRules.view },
      schema: {
        tags,
        summary:
          'An initiative’s “you said, we did”: decisions by topic with what people said, small-cell suppressed',
        params: Type.Object({ id: Id }),
        response: { 200: YouSaidWeDidView, ...commonErrors },
      },
    },
    async (req) => {
      const { initiative, k, topics } = await getYouSaidWeDidForStaff(db, req.staff, req.params.id);
      return {
        initiative: { id: initiative.id, slug: initiative.slug, title: initiative.title },
        smallCellK: k,
        topics,
      };
    },
  );
}
