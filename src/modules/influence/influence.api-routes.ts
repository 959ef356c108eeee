import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { commonErrors } from '../../platform/http/api-schemas.js';
import { getInitiativeInfluence, getOrganizationInfluence } from './get-influence.js';
import { influenceRules } from './influence.policy.js';
import { InitiativeInfluenceView, OrganizationInfluenceView, ThresholdsView } from './influence-view.js';
import { saveInfluenceThresholds } from './influence-settings.js';

const tags = ['influence'];
const definitions =
  'An input is reviewed when marked reviewed or linked to a decision; shares are of all inputs (null without input). A contributor is informed when told about at least one link to their input. Days to feedback run from an input to its first link or review, whichever came first (median over inputs with feedback, null when none). `tokenRisk` is true when the initiative closed strictly more than `closedDays` days ago and strictly under `responseSharePercent` % of its input was reviewed.';

/** JSON API of influence metrics (Bearer tokens; the same use cases and rules as the pages). */
export async function influenceApiRoutes(base: FastifyInstance): Promise<void> {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = app.deps;

  app.get(
    '/api/v1/influence',
    {
      config: { rule: influenceRules.view },
      schema: {
        tags,
        summary: 'Influence metrics of the organization and of each initiative, with the token-risk flag',
        description: `For admins, facilitators and analysts. Organization figures add up all initiatives (each contributor counted once). ${definitions}`,
        response: { 200: OrganizationInfluenceView, ...commonErrors },
      },
    },
    async (req) => {
      const view = await getOrganizationInfluence(db, req.staff);
      return {
        thresholds: view.thresholds,
        metrics: view.metrics,
        flagged: view.flagged,
        initiatives: view.initiatives,
      };
    },
  );

  app.get(
    '/api/v1/initiatives/:id/influence',
    {
      config: { rule: influenceRules.view },
      schema: {
        tags,
        summary: 'Influence metrics of one initiative, with the token-risk flag',
        description: `For admins, facilitators and analysts. ${definitions}`,
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        response: { 200: InitiativeInfluenceView, ...commonErrors },
      },
    },
    async (req) => {
      const view = await getInitiativeInfluence(db, req.staff, req.params.id);
      return { initiative: view.initiative, thresholds: view.thresholds, metrics: view.metrics };
    },
  );

  app.patch(
    '/api/v1/influence/settings',
    {
      config: { rule: influenceRules.configure },
      schema: {
        tags,
        summary: 'Change the organization’s token-risk thresholds',
        description:
          'For admins. `closedDays`: whole days 0–3650 (default 60); `responseSharePercent`: whole percent 0–100 (default 20). A field left out keeps its value.',
        body: Type.Object(
          {
            closedDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
            responseSharePercent: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ThresholdsView, ...commonErrors },
      },
    },
    async (req) =>
      db.transaction().execute((trx) => saveInfluenceThresholds(trx, req.staff, req.body, { partial: true })),
  );
}
