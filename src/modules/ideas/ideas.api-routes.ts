import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { changeIdeaStatus } from './change-idea-status.js';
import { commentAsStaff } from './comment-on-idea.js';
import { getIdea } from './get-idea.js';
import { hideIdea } from './hide-idea.js';
import { CommentInput, HideInput, IdeaInput, MergeInput, StatusInput } from './idea-input.js';
import { CommentView, ideaViews, IdeaView } from './idea-view.js';
import { ideaRules } from './ideas.policy.js';
import { listIdeas } from './list-ideas.js';
import { mergeIdeas } from './merge-ideas.js';
import { postStaffIdea } from './post-idea.js';
import { supportAsStaff } from './support-idea.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const InitiativeParams = Type.Object({ id: Id });
const IdeaParams = Type.Object({ id: Id, ideaId: Id });
const tags = ['ideas'];
const writeErrors = { 409: ProblemSchema, ...commonErrors };

/** JSON API for idea boards (Bearer tokens; the same use cases and rules as the pages). */
export async function ideaApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/ideas',
    {
      config: { rule: ideaRules.view },
      schema: {
        tags,
        summary: 'An initiative’s ideas',
        description: 'Newest first, hidden and merged ones included (see `hiddenReason` and `mergedIntoId`).',
        params: InitiativeParams,
        response: { 200: Type.Object({ items: Type.Array(IdeaView) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await listIdeas(db, req.staff, req.params.id)).ideas }),
  );

  app.post(
    '/api/v1/initiatives/:id/ideas',
    {
      config: { rule: ideaRules.contribute },
      schema: {
        tags,
        summary: 'Post an idea as staff',
        description: 'Images are posted through the pages (multipart); archived initiatives answer 409.',
        params: InitiativeParams,
        body: IdeaInput,
        response: { 201: IdeaView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const idea = await db
        .transaction()
        .execute((trx) => postStaffIdea(trx, req.staff, req.params.id, req.body));
      return reply.status(201).send((await ideaViews(db, req.staff!.organizationId, [idea]))[0]!);
    },
  );

  app.get(
    '/api/v1/initiatives/:id/ideas/:ideaId',
    {
      config: { rule: ideaRules.view },
      schema: {
        tags,
        summary: 'One idea with its comments (hidden ones too, with the reason)',
        params: IdeaParams,
        response: {
          200: Type.Object({ idea: IdeaView, comments: Type.Array(CommentView) }),
          ...commonErrors,
        },
      },
    },
    async (req) => {
      const found = await getIdea(db, req.staff, req.params.id, req.params.ideaId);
      return { idea: found.idea, comments: found.comments };
    },
  );

  const view = async (orgId: string, idea: Parameters<typeof ideaViews>[2][number]) =>
    (await ideaViews(db, orgId, [idea]))[0]!;

  app.post(
    '/api/v1/initiatives/:id/ideas/:ideaId/status',
    {
      config: { rule: ideaRules.moderate },
      schema: {
        tags,
        summary: 'Move an idea to another status',
        description:
          'The reason is shown publicly; it is required for `not_adopted`. A merged idea is not found.',
        params: IdeaParams,
        body: StatusInput,
        response: { 200: IdeaView, ...writeErrors },
      },
    },
    async (req) => {
      const idea = await db
        .transaction()
        .execute((trx) => changeIdeaStatus(trx, req.staff, req.params.id, req.params.ideaId, req.body));
      return view(req.staff!.organizationId, idea);
    },
  );

  app.post(
    '/api/v1/initiatives/:id/ideas/:ideaId/merge',
    {
      config: { rule: ideaRules.moderate },
      schema: {
        tags,
        summary: 'Merge a duplicate into another idea of the same initiative',
        description:
          'Comments and supporters (each once) move to `targetId`, which is returned; the duplicate points to it. Merging into itself, into another initiative’s idea or into a merged idea answers 422.',
        params: IdeaParams,
        body: MergeInput,
        response: { 200: IdeaView, ...writeErrors },
      },
    },
    async (req) => {
      const idea = await db
        .transaction()
        .execute((trx) => mergeIdeas(trx, req.staff, req.params.id, req.params.ideaId, req.body));
      return view(req.staff!.organizationId, idea);
    },
  );

  app.post(
    '/api/v1/initiatives/:id/ideas/:ideaId/hide',
    {
      config: { rule: ideaRules.moderate },
      schema: {
        tags,
        summary: 'Hide an idea with a reason its author sees',
        params: IdeaParams,
        body: HideInput,
        response: { 200: IdeaView, ...writeErrors },
      },
    },
    async (req) => {
      const idea = await db
        .transaction()
        .execute((trx) => hideIdea(trx, req.staff, req.params.id, req.params.ideaId, req.body));
      return view(req.staff!.organizationId, idea);
    },
  );

  app.post(
    '/api/v1/initiatives/:id/ideas/:ideaId/comments',
    {
      config: { rule: ideaRules.contribute },
      schema: {
        tags,
        summary: 'Comment on an idea as staff',
        params: IdeaParams,
        body: CommentInput,
        response: { 201: Type.Object({ id: Type.String() }), ...writeErrors },
      },
    },
    async (req, reply) => {
      const id = await db
        .transaction()
        .execute((trx) => commentAsStaff(trx, req.staff, req.params.id, req.params.ideaId, req.body));
      return reply.status(201).send({ id });
    },
  );

  app.post(
    '/api/v1/initiatives/:id/ideas/:ideaId/support',
    {
      config: { rule: ideaRules.contribute },
      schema: {
        tags,
        summary: 'Support an idea as staff',
        description: 'Once per person: a second support answers 409 `already_supported`.',
        params: IdeaParams,
        response: { 200: IdeaView, ...writeErrors },
      },
    },
    async (req) => {
      const idea = await db
        .transaction()
        .execute((trx) => supportAsStaff(trx, req.staff, req.params.id, req.params.ideaId));
      return view(req.staff!.organizationId, idea);
    },
  );
}
