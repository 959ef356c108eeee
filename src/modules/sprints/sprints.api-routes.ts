import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { addMember } from './add-member.js';
import { createSprint } from './create-sprint.js';
import { getSprint, listSprints, toSprintView } from './get-sprint.js';
import { ItemInput, MemberInput, SprintInput } from './sprint-input.js';
import { placeOnBoard } from './run-sprint.js';
import { sprintRules } from './sprints.policy.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const InitiativeParams = Type.Object({ id: Id });
const SprintParams = Type.Object({ id: Id, sprintId: Id });
const tags = ['sprints'];
const writeErrors = { 409: ProblemSchema, ...commonErrors };

const SprintView = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  challenge: Type.String(),
  inScope: Type.String(),
  outOfScope: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  stage: Type.String(),
  createdAt: Type.String(),
});
const MemberView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  externalKind: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  joined: Type.Boolean(),
});
const SprintDetail = Type.Object({
  sprint: SprintView,
  members: Type.Array(MemberView),
  warnings: Type.Array(Type.String(), { description: 'open composition warnings (not dismissed)' }),
  board: Type.Array(
    Type.Object({
      stage: Type.String(),
      items: Type.Array(Type.Object({ kind: Type.String(), id: Type.String(), title: Type.String() })),
    }),
  ),
  activity: Type.Array(
    Type.Object({ who: Type.String(), action: Type.String(), subject: Type.String(), at: Type.String() }),
  ),
});

/** JSON API for sprints and their team members. */
export async function sprintApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = app.deps;

  app.get(
    '/api/v1/initiatives/:id/sprints',
    {
      config: { rule: sprintRules.view },
      schema: {
        tags,
        summary: 'An initiative’s sprints',
        params: InitiativeParams,
        response: { 200: Type.Object({ items: Type.Array(SprintView) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await listSprints(db, req.staff, req.params.id)).sprints }),
  );

  app.post(
    '/api/v1/initiatives/:id/sprints',
    {
      config: { rule: sprintRules.manage },
      schema: {
        tags,
        summary: 'Start a sprint: challenge, scope and timebox',
        params: InitiativeParams,
        body: SprintInput,
        response: { 201: SprintView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const sprint = await db
        .transaction()
        .execute((trx) => createSprint(trx, req.staff, req.params.id, req.body));
      return reply.status(201).send(toSprintView(sprint));
    },
  );

  app.get(
    '/api/v1/initiatives/:id/sprints/:sprintId',
    {
      config: { rule: sprintRules.view },
      schema: {
        tags,
        summary: 'One sprint with its team, composition warnings, board and activity log',
        params: SprintParams,
        response: { 200: SprintDetail, ...commonErrors },
      },
    },
    async (req) => {
      const found = await getSprint(db, req.staff, req.params.id, req.params.sprintId);
      return {
        sprint: found.sprint,
        members: found.members,
        warnings: found.warnings,
        board: found.board,
        activity: found.activity,
      };
    },
  );

  app.get(
    '/api/v1/initiatives/:id/sprints/:sprintId/members',
    {
      config: { rule: sprintRules.view },
      schema: {
        tags,
        summary: 'A sprint’s team members',
        params: SprintParams,
        response: { 200: Type.Object({ items: Type.Array(MemberView) }), ...commonErrors },
      },
    },
    async (req) => ({ items: (await getSprint(db, req.staff, req.params.id, req.params.sprintId)).members }),
  );

  app.post(
    '/api/v1/initiatives/:id/sprints/:sprintId/members',
    {
      config: { rule: sprintRules.manage },
      schema: {
        tags,
        summary: 'Add a team member',
        description:
          'Staff roles (`facilitator`, `frontline`, `other_staff`) need `staffId` (department defaults to theirs); `user` and `external` need `name`, `external` also `externalKind`. For an external member the answer carries `invitationUrl`, shown only this once.',
        params: SprintParams,
        body: MemberInput,
        response: {
          201: Type.Object({ id: Type.String(), invitationUrl: Type.Union([Type.String(), Type.Null()]) }),
          ...writeErrors,
        },
      },
    },
    async (req, reply) => {
      const added = await db
        .transaction()
        .execute((trx) => addMember(trx, req.staff, req.params.id, req.params.sprintId, req.body));
      return reply.status(201).send({
        id: added.memberId,
        invitationUrl: added.invitationToken
          ? `${config.publicUrl}/sprint-invitations/${added.invitationToken}`
          : null,
      });
    },
  );

  app.post(
    '/api/v1/initiatives/:id/sprints/:sprintId/items',
    {
      config: { rule: sprintRules.manage },
      schema: {
        tags,
        summary: 'Place an idea or prototype of the initiative on the sprint’s board at a stage',
        params: SprintParams,
        body: ItemInput,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      await db
        .transaction()
        .execute((trx) => placeOnBoard(trx, req.staff, req.params.id, req.params.sprintId, req.body));
      return reply.status(204).send(null);
    },
  );
}
