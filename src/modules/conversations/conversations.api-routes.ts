import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { requestAnalysis } from './analysis-scheduler.js';
import {
  ConversationView,
  ResultsView,
  StatementView,
  toConversationView,
  toResultsView,
  toStatementView,
} from './conversation-api-views.js';
import { ConversationInput } from './conversation-input.js';
import {
  ApiStatementInput,
  ApiVoteInput,
  addStatementForParticipant,
  voteForParticipant,
} from './contribute-for-participant.js';
import { createConversation } from './create-conversation.js';
import { getConversationResults } from './get-conversation-results.js';
import { getConversation } from './get-conversation.js';
import { listConversations } from './list-conversations.js';
import { conversationRules } from './conversations.policy.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const InitiativeParams = Type.Object({ id: Id });
const ConversationParams = Type.Object({ id: Id, conversationId: Id });
const tags = ['conversations'];
const writeErrors = { 409: ProblemSchema, ...commonErrors };

/** JSON API for conversations (Bearer tokens; the same use cases and rules as the pages). */
export async function conversationApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/conversations',
    {
      config: { rule: conversationRules.view },
      schema: {
        tags,
        summary: 'An initiative’s conversations',
        params: InitiativeParams,
        response: { 200: Type.Object({ items: Type.Array(ConversationView) }), ...commonErrors },
      },
    },
    async (req) => ({
      items: (await listConversations(db, req.staff, req.params.id)).conversations.map(toConversationView),
    }),
  );

  app.post(
    '/api/v1/initiatives/:id/conversations',
    {
      config: { rule: conversationRules.manage },
      schema: {
        tags,
        summary: 'Create a conversation (a draft)',
        description: 'Open it on its staff page. Archived initiatives answer 409.',
        params: InitiativeParams,
        body: ConversationInput,
        response: { 201: ConversationView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const created = await db
        .transaction()
        .execute((trx) => createConversation(trx, req.staff, req.params.id, req.body));
      return reply.status(201).send(toConversationView(created));
    },
  );

  app.get(
    '/api/v1/initiatives/:id/conversations/:conversationId',
    {
      config: { rule: conversationRules.view },
      schema: {
        tags,
        summary: 'One conversation with its statements and their votes',
        params: ConversationParams,
        response: {
          200: Type.Composite([ConversationView, Type.Object({ statements: Type.Array(StatementView) })]),
          ...commonErrors,
        },
      },
    },
    async (req) => {
      const view = await getConversation(db, req.staff, req.params.id, req.params.conversationId);
      return { ...toConversationView(view.conversation), statements: view.statements.map(toStatementView) };
    },
  );

  app.post(
    '/api/v1/initiatives/:id/conversations/:conversationId/statements',
    {
      config: { rule: conversationRules.collect },
      schema: {
        tags,
        summary: 'Add a statement for a participant, or a seed statement',
        description:
          'With `participantId` (a participant who accepted the initiative’s current consent): checked like the participant form (length limit, duplicates, at most 5 in 10 minutes) and moderated as the conversation says. Without it: a seed statement, approved at once, for admins and facilitators. A closed conversation answers 409.',
        params: ConversationParams,
        body: ApiStatementInput,
        response: { 201: StatementView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { statement } = await db
        .transaction()
        .execute((trx) =>
          addStatementForParticipant(trx, req.staff, req.params.id, req.params.conversationId, req.body),
        );
      return reply.status(201).send(toStatementView(statement));
    },
  );

  app.post(
    '/api/v1/initiatives/:id/conversations/:conversationId/votes',
    {
      config: { rule: conversationRules.collect },
      schema: {
        tags,
        summary: 'Record a participant’s vote: agree, disagree or pass',
        description:
          'The latest vote per participant and statement counts. A statement waiting for moderation or hidden answers 409 (`statement_unavailable`), as does a closed conversation. The analysis reruns shortly after, off the request.',
        params: ConversationParams,
        body: ApiVoteInput,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      const conversation = await db
        .transaction()
        .execute((trx) =>
          voteForParticipant(trx, req.staff, req.params.id, req.params.conversationId, req.body),
        );
      requestAnalysis(db, conversation.organizationId, conversation.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/initiatives/:id/conversations/:conversationId/results',
    {
      config: { rule: conversationRules.view },
      schema: {
        tags,
        summary: 'The opinion groups, representative and consensus statements, and the opinion map',
        description:
          'The stored result of the last analysis run (it never runs on the request); `stale` says whether votes arrived since.',
        params: ConversationParams,
        response: { 200: ResultsView, ...commonErrors },
      },
    },
    async (req) => {
      const view = await getConversationResults(db, db, req.staff, req.params.id, req.params.conversationId);
      return toResultsView(view.results);
    },
  );
}
