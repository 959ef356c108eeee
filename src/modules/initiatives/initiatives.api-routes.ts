import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors, ProblemSchema } from '../../platform/http/api-schemas.js';
import { changeInitiativeStatus, statusActions } from './change-initiative-status.js';
import { createInitiative } from './create-initiative.js';
import { getInitiative, listStaffInitiatives } from './get-initiative.js';
import { InitiativeInput, InitiativePatch } from './initiative-input.js';
import { initiativeStatuses, type Initiative } from './initiatives.table.js';
import { initiativeRules } from './initiatives.policy.js';
import { updateInitiative } from './update-initiative.js';
import { missingChecklistItems } from './planning-checklist.js';

const nullableString = Type.Union([Type.String(), Type.Null()]);

const InitiativeOut = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  purpose: Type.String(),
  objectives: Type.Array(Type.String()),
  targetGroup: Type.String(),
  formOfInvolvement: Type.String(),
  influenceLevel: Type.String(),
  visibility: Type.String(),
  status: Type.String(),
  feedbackPlan: Type.String(),
  consent: Type.Union([Type.Object({ version: Type.Integer(), body: Type.String() }), Type.Null()]),
  responsibleStaffId: nullableString,
  departmentIds: Type.Array(Type.String()),
  phases: Type.Array(Type.Object({ name: Type.String(), startsOn: nullableString, endsOn: nullableString })),
  missingChecklistItems: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  openedAt: nullableString,
  closedAt: nullableString,
  archivedAt: nullableString,
});

function present(i: Initiative) {
  return {
    ...i,
    consent: i.consent ? { version: i.consent.version, body: i.consent.body } : null,
    phases: i.phases.map((p) => ({ name: p.name, startsOn: p.startsOn, endsOn: p.endsOn })),
    missingChecklistItems: missingChecklistItems(i),
  };
}

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const tags = ['initiatives'];

/** JSON API for initiatives (Bearer tokens; the same use cases and rules as the pages). */
export async function initiativeApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/initiatives',
    {
      config: { rule: initiativeRules.view },
      schema: {
        tags,
        summary: 'List the organization’s initiatives',
        querystring: Type.Object({
          status: Type.Optional(Type.Union(initiativeStatuses.map((s) => Type.Literal(s)))),
        }),
        response: { 200: Type.Object({ items: Type.Array(InitiativeOut) }), ...commonErrors },
      },
    },
    async (req) => {
      const items = await listStaffInitiatives(
        db,
        req.staff,
        req.query.status ? [req.query.status] : undefined,
      );
      return { items: items.map(present) };
    },
  );

  app.post(
    '/api/v1/initiatives',
    {
      config: { rule: initiativeRules.manage },
      schema: {
        tags,
        summary: 'Create an initiative (draft)',
        body: InitiativeInput,
        response: { 201: InitiativeOut, ...commonErrors },
      },
    },
    async (req, reply) => {
      const created = await db.transaction().execute((trx) => createInitiative(trx, req.staff, req.body));
      return reply.status(201).send(present(created));
    },
  );

  app.get(
    '/api/v1/initiatives/:id',
    {
      config: { rule: initiativeRules.view },
      schema: {
        tags,
        summary: 'Read an initiative',
        params: IdParams,
        response: { 200: InitiativeOut, ...commonErrors },
      },
    },
    async (req) => present(await getInitiative(db, req.staff, req.params.id)),
  );

  app.patch(
    '/api/v1/initiatives/:id',
    {
      config: { rule: initiativeRules.manage },
      schema: {
        tags,
        summary: 'Change some fields of an initiative’s plan',
        params: IdParams,
        body: InitiativePatch,
        response: { 200: InitiativeOut, 409: ProblemSchema, ...commonErrors },
      },
    },
    async (req) =>
      present(
        await db
          .transaction()
          .execute((trx) => updateInitiative(trx, req.staff, req.params.id, req.body, { partial: true })),
      ),
  );

  app.post(
    '/api/v1/initiatives/:id/:action',
    {
      config: { rule: initiativeRules.manage },
      schema: {
        tags,
        summary: 'Open, close or archive an initiative (opening needs a complete planning checklist)',
        params: Type.Object({
          id: Type.String({ maxLength: 64 }),
          action: Type.Union(statusActions.map((a) => Type.Literal(a))),
        }),
        response: { 200: InitiativeOut, 409: ProblemSchema, ...commonErrors },
      },
    },
    async (req) =>
      present(
        await db
          .transaction()
          .execute((trx) => changeInitiativeStatus(trx, req.staff, req.params.id, req.params.action)),
      ),
  );
}
