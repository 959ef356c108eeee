import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { DecisionInput, InputSearch, LinkInput } from './decision-input.js';
import {
  DecisionSummaryView,
  DecisionView,
  hitView,
  InputHitView,
  LinkView,
  linkView,
} from './decision-view.js';
import { decisionRules } from './decisions.policy.js';
import { inputKinds } from './decisions.table.js';
import { linkInput, unlinkInput } from './link-input.js';
import { listDecisions } from './list-decisions.js';
import { markInputReviewed, unmarkInputReviewed } from './mark-input-reviewed.js';
import { editDecision, recordDecision } from './record-decision.js';
import { searchInputs } from './search-inputs.js';
import { showDecision } from './show-decision.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const InitiativeParams = Type.Object({ id: Id });
const DecisionParams = Type.Object({ id: Id, decisionId: Id });
const LinkParams = Type.Object({ id: Id, decisionId: Id, linkId: Id });
const ReviewParams = Type.Object({
  id: Id,
  kind: Type.Union(inputKinds.map((k) => Type.Literal(k))),
  inputId: Id,
});
const tags = ['decisions'];
const writeErrors = { 409: ProblemSchema, ...commonErrors };

/** JSON API for decisions, their links to input, the search across input, and review marks. */
export async function decisionApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;
  const base_ = '/api/v1/initiatives/:id/decisions';

  /** A decision with its links, as the read and update routes answer. */
  const withLinks = async (staff: Parameters<typeof showDecision>[1], id: string, decisionId: string) => {
    const found = await showDecision(db, staff, id, decisionId);
    return { decision: found.decision, links: found.linked.map(linkView) };
  };
  const DecisionWithLinks = Type.Object({ decision: DecisionView, links: Type.Array(LinkView) });

  app.get(
    base_,
    {
      config: { rule: decisionRules.view },
      schema: {
        tags,
        summary: 'An initiative’s decisions',
        description: 'Newest decision date first, each with the number of inputs it links.',
        params: InitiativeParams,
        response: { 200: Type.Object({ items: Type.Array(DecisionSummaryView) }), ...commonErrors },
      },
    },
    async (req) => {
      const found = await listDecisions(db, req.staff, req.params.id);
      return { items: found.decisions.map((d) => ({ ...d, linkCount: found.linkCounts[d.id] ?? 0 })) };
    },
  );

  app.post(
    base_,
    {
      config: { rule: decisionRules.manage },
      schema: {
        tags,
        summary: 'Record a decision',
        description:
          'A decision `not_adopted` needs `notAdoptedReason`, which is shown publicly (422 otherwise).',
        params: InitiativeParams,
        body: DecisionInput,
        response: { 201: DecisionView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const decision = await db
        .transaction()
        .execute((trx) => recordDecision(trx, req.staff, req.params.id, req.body));
      return reply.status(201).send(decision);
    },
  );

  app.get(
    `${base_}/:decisionId`,
    {
      config: { rule: decisionRules.view },
      schema: {
        tags,
        summary: 'One decision with the inputs linked to it',
        params: DecisionParams,
        response: { 200: DecisionWithLinks, ...commonErrors },
      },
    },
    async (req) => withLinks(req.staff, req.params.id, req.params.decisionId),
  );

  app.put(
    `${base_}/:decisionId`,
    {
      config: { rule: decisionRules.manage },
      schema: {
        tags,
        summary: 'Update a decision (every field)',
        description: 'As recording: `not_adopted` needs `notAdoptedReason`.',
        params: DecisionParams,
        body: DecisionInput,
        response: { 200: DecisionWithLinks, ...writeErrors },
      },
    },
    async (req) => {
      await db
        .transaction()
        .execute((trx) => editDecision(trx, req.staff, req.params.id, req.params.decisionId, req.body));
      return withLinks(req.staff, req.params.id, req.params.decisionId);
    },
  );

  app.get(
    `${base_}/:decisionId/links`,
    {
      config: { rule: decisionRules.view },
      schema: {
        tags,
        summary: 'The inputs linked to a decision',
        params: DecisionParams,
        response: { 200: Type.Object({ items: Type.Array(LinkView) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await withLinks(req.staff, req.params.id, req.params.decisionId)).links }),
  );

  app.post(
    `${base_}/:decisionId/links`,
    {
      config: { rule: decisionRules.manage },
      schema: {
        tags,
        summary: 'Link an input of the initiative to the decision',
        description:
          'Any kind of input with a source. Linking the same input twice answers 409 `already_linked`; another initiative’s or organization’s input answers 422.',
        params: DecisionParams,
        body: LinkInput,
        response: { 201: LinkView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const link = await db
        .transaction()
        .execute((trx) => linkInput(trx, req.staff, req.params.id, req.params.decisionId, req.body));
      const links = (await withLinks(req.staff, req.params.id, req.params.decisionId)).links;
      return reply.status(201).send(links.find((l) => l.id === link.id)!);
    },
  );

  app.delete(
    `${base_}/:decisionId/links/:linkId`,
    {
      config: { rule: decisionRules.manage },
      schema: {
        tags,
        summary: 'Unlink an input from the decision',
        params: LinkParams,
        response: { 204: Type.Null(), ...commonErrors },
      },
    },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) =>
          unlinkInput(trx, req.staff, req.params.id, req.params.decisionId, req.params.linkId),
        );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/initiatives/:id/inputs',
    {
      config: { rule: decisionRules.view },
      schema: {
        tags,
        summary: 'Search across every kind of the initiative’s input',
        description:
          'Label or text containing `q` (all when empty), optionally one `kind`, newest first (at most 100), each with its review mark and the decisions that link it.',
        params: InitiativeParams,
        querystring: InputSearch,
        response: { 200: Type.Object({ items: Type.Array(InputHitView) }), ...commonErrors },
      },
    },
    async (req) => ({
      items: (await searchInputs(db, req.staff, req.params.id, req.query)).hits.map(hitView),
    }),
  );

  const ReviewView = Type.Object({
    inputKind: Type.String(),
    inputId: Type.String(),
    reviewedAt: Type.String({ format: 'date-time' }),
  });

  app.put(
    '/api/v1/initiatives/:id/inputs/:kind/:inputId/review',
    {
      config: { rule: decisionRules.manage },
      schema: {
        tags,
        summary: 'Mark an input reviewed',
        description:
          'Marking it again keeps the first mark. Another initiative’s or organization’s input is not found.',
        params: ReviewParams,
        response: { 200: ReviewView, ...commonErrors },
      },
    },
    async (req) =>
      db.transaction().execute((trx) =>
        markInputReviewed(trx, req.staff, req.params.id, {
          inputKind: req.params.kind,
          inputId: req.params.inputId,
        }),
      ),
  );

  app.delete(
    '/api/v1/initiatives/:id/inputs/:kind/:inputId/review',
    {
      config: { rule: decisionRules.manage },
      schema: {
        tags,
        summary: 'Take the review mark off an input',
        params: ReviewParams,
        response: { 204: Type.Null(), ...commonErrors },
      },
    },
    async (req, reply) => {
      await db.transaction().execute((trx) =>
        unmarkInputReviewed(trx, req.staff, req.params.id, {
          inputKind: req.params.kind,
          inputId: req.params.inputId,
        }),
      );
      return reply.status(204).send(null);
    },
  );
}
