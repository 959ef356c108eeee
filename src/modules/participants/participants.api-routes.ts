import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { getParticipant } from './get-participant.js';
import { listInitiativeParticipants } from './list-initiative-participants.js';
import { InitiativeParticipantView, ParticipantDetailView } from './participant-view.js';
import { registerParticipant, RegisterParticipantInput } from './register-participant.js';
import { participantRules } from './participants.policy.js';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });

const errors = commonErrors;

/** The JSON API for participants (Bearer token; same role rules as the pages). */
export async function participantApiRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/participants',
    {
      config: { rule: participantRules.view },
      schema: {
        tags: ['participants'],
        summary: "An initiative's participants",
        description:
          'Pseudonym, membership with consent version, and demographics. `contact` (email, follow-up, accessibility needs) is present only for admins and facilitators.',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Object({
            initiativeId: Type.String(),
            participants: Type.Array(InitiativeParticipantView),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const list = await listInitiativeParticipants(db, req.staff, req.params.id);
      return { initiativeId: list.initiative.id, participants: list.participants };
    },
  );

  app.get(
    '/api/v1/participants/:id',
    {
      config: { rule: participantRules.view },
      schema: {
        tags: ['participants'],
        summary: 'One participant with the initiatives they take part in',
        description: '`contact` is present only for admins and facilitators.',
        params: Type.Object({ id: Id }),
        response: { 200: ParticipantDetailView, ...errors },
      },
    },
    async (req) => getParticipant(db, req.staff, req.params.id),
  );

  app.post(
    '/api/v1/initiatives/:id/participants',
    {
      config: { rule: participantRules.register },
      schema: {
        tags: ['participants'],
        summary: 'Register a participant on their behalf, with their consent',
        description:
          'For front-line staff, facilitators and admins. `consent` must be true: the person was given the current consent text and agreed. The membership is recorded with channel `staff`.',
        params: Type.Object({ id: Id }),
        body: RegisterParticipantInput,
        response: { 201: InitiativeParticipantView, 409: ProblemSchema, ...errors },
      },
    },
    async (req, reply) => {
      const registered = await db
        .transaction()
        .execute(async (trx) => registerParticipant(trx, req.staff, req.params.id, req.body));
      return reply.status(201).send(registered);
    },
  );
}
