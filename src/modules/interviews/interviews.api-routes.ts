import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { createInterview } from './create-interview.js';
import { deleteInterview } from './delete-interview.js';
import { getInterview } from './get-interview.js';
import { InterviewInput, InterviewPatch } from './interview-input.js';
import { namesFor } from './interview-access.js';
import { InterviewSummaryView, InterviewView, toInterviewView } from './interview-view.js';
import { interviewRules } from './interviews.policy.js';
import { listInterviews } from './list-interviews.js';
import { updateInterview } from './update-interview.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const InitiativeParams = Type.Object({ id: Id });
const InterviewParams = Type.Object({ id: Id, interviewId: Id });
const tags = ['interviews'];
const writeErrors = { 409: ProblemSchema, ...commonErrors };

/** JSON API for interviews (Bearer tokens; the same use cases and rules as the pages). */
export async function interviewApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/interviews',
    {
      config: { rule: interviewRules.view },
      schema: {
        tags,
        summary: 'An initiative’s interviews, observations, focus groups and workshop notes',
        description: 'Newest first, without their texts; read one for its notes, quotes and transcript.',
        params: InitiativeParams,
        response: { 200: Type.Object({ items: Type.Array(InterviewSummaryView) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await listInterviews(db, req.staff, req.params.id)).interviews }),
  );

  app.post(
    '/api/v1/initiatives/:id/interviews',
    {
      config: { rule: interviewRules.record },
      schema: {
        tags,
        summary: 'Record an interview, observation, focus group or workshop note',
        description:
          'For admins, facilitators and front-line staff. `participantId` must be a participant who accepted the initiative’s current consent; leave it out for anonymous input. `transcript.content` is plain text or WebVTT (detected from the `WEBVTT` header unless `format` is given); a malformed WebVTT file is refused with the line named. Archived initiatives answer 409.',
        params: InitiativeParams,
        body: InterviewInput,
        response: { 201: InterviewView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const created = await db
        .transaction()
        .execute((trx) => createInterview(trx, req.staff, req.params.id, req.body));
      return reply.status(201).send(toInterviewView(created, await namesFor(db, req.staff!, created)));
    },
  );

  app.get(
    '/api/v1/initiatives/:id/interviews/:interviewId',
    {
      config: { rule: interviewRules.view },
      schema: {
        tags,
        summary: 'One interview with its notes, key quotes and transcript segments',
        params: InterviewParams,
        response: { 200: InterviewView, ...commonErrors },
      },
    },
    async (req) => (await getInterview(db, req.staff, req.params.id, req.params.interviewId)).view,
  );

  app.patch(
    '/api/v1/initiatives/:id/interviews/:interviewId',
    {
      config: { rule: interviewRules.manage },
      schema: {
        tags,
        summary: 'Change some fields of an interview',
        description:
          'Only the fields given change. `notes` and `quotes` replace the lists: items sent with their `id` keep it, items without one are new, items left out are deleted. A `transcript` replaces the stored one (`null` removes it); sending the same text keeps its segment ids.',
        params: InterviewParams,
        body: InterviewPatch,
        response: { 200: InterviewView, ...writeErrors },
      },
    },
    async (req) => {
      const updated = await db
        .transaction()
        .execute((trx) =>
          updateInterview(trx, req.staff, req.params.id, req.params.interviewId, req.body, { partial: true }),
        );
      return toInterviewView(updated, await namesFor(db, req.staff!, updated));
    },
  );

  app.delete(
    '/api/v1/initiatives/:id/interviews/:interviewId',
    {
      config: { rule: interviewRules.manage },
      schema: {
        tags,
        summary: 'Delete an interview with its notes, quotes and transcript',
        params: InterviewParams,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => deleteInterview(trx, req.staff, req.params.id, req.params.interviewId));
      return reply.status(204).send(null);
    },
  );
}
