import type { RouteCase } from './types.js';
import { decisionRules } from '../../src/modules/decisions/decisions.policy.js';
import { linkInput } from '../../src/modules/decisions/link-input.js';
import { markInputReviewed } from '../../src/modules/decisions/mark-input-reviewed.js';
import { recordDecision } from '../../src/modules/decisions/record-decision.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import { buildIdea } from '../support/idea-factory.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';

const pages = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}/decisions`;
const apiBase = (f: OrgFixture) => `/api/v1/initiatives/${f.initiative.id}/decisions`;

/** A valid decision as a form or API body. */
export const decisionBody = (f: OrgFixture) => ({
  title: `${f.marker} benches with roofs`,
  rationale: 'Many asked for somewhere dry to wait.',
  decidedBy: 'council',
  decidedOn: '2026-11-20',
  status: 'adopted',
  notAdoptedReason: '',
  topic: 'Waiting',
});

const facilitator = (f: OrgFixture) => actorOf(f.staff.facilitator.member);

/** A fresh decision of the fixture's initiative. */
async function decision(t: TestApp, f: OrgFixture): Promise<string> {
  return (await recordDecision(t.db, facilitator(f), f.initiative.id, decisionBody(f))).id;
}

/** A fresh idea of the fixture's initiative. */
async function idea(t: TestApp, f: OrgFixture): Promise<string> {
  return (await buildIdea(t.db, facilitator(f), f.initiative.id, { title: `${f.marker} idea` })).id;
}

/** A fresh decision with a fresh idea linked to it. */
async function linked(t: TestApp, f: OrgFixture): Promise<{ decisionId: string; linkId: string }> {
  const decisionId = await decision(t, f);
  const link = await linkInput(t.db, facilitator(f), f.initiative.id, decisionId, {
    inputKind: 'idea',
    inputId: await idea(t, f),
  });
  return { decisionId, linkId: link.id };
}

/** A fresh idea already marked reviewed. */
async function reviewed(t: TestApp, f: OrgFixture): Promise<string> {
  const id = await idea(t, f);
  await markInputReviewed(t.db, facilitator(f), f.initiative.id, { inputKind: 'idea', inputId: id });
  return id;
}

/** Decisions' staff pages and JSON API. */
export const decisionCases: Record<string, RouteCase> = {
  'GET /staff/initiatives/:id/decisions': {
    audience: decisionRules.view,
    request: (_t, f) => ({ path: pages(f) }),
  },
  'GET /staff/initiatives/:id/decisions/new': {
    audience: decisionRules.manage,
    request: (_t, f) => ({ path: `${pages(f)}/new` }),
  },
  'POST /staff/initiatives/:id/decisions': {
    audience: decisionRules.manage,
    request: (_t, f) => ({ path: pages(f), form: decisionBody(f) }),
  },
  'GET /staff/initiatives/:id/decisions/:decisionId': {
    audience: decisionRules.view,
    request: async (t, f) => ({ path: `${pages(f)}/${(await linked(t, f)).decisionId}` }),
  },
  'GET /staff/initiatives/:id/decisions/:decisionId/edit': {
    audience: decisionRules.manage,
    request: async (t, f) => ({ path: `${pages(f)}/${await decision(t, f)}/edit` }),
  },
  'POST /staff/initiatives/:id/decisions/:decisionId/edit': {
    audience: decisionRules.manage,
    request: async (t, f) => ({
      path: `${pages(f)}/${await decision(t, f)}/edit`,
      form: {
        ...decisionBody(f),
        status: 'not_adopted',
        notAdoptedReason: 'The bus company owns the stops.',
      },
    }),
  },
  'GET /staff/initiatives/:id/decisions/:decisionId/link': {
    audience: decisionRules.view,
    request: async (t, f) => {
      await idea(t, f);
      return { path: `${pages(f)}/${await decision(t, f)}/link?q=idea&kind=idea` };
    },
  },
  'POST /staff/initiatives/:id/decisions/:decisionId/links': {
    audience: decisionRules.manage,
    request: async (t, f) => ({
      path: `${pages(f)}/${await decision(t, f)}/links`,
      form: { inputKind: 'idea', inputId: await idea(t, f), q: 'idea', within: 'idea' },
    }),
  },
  'POST /staff/initiatives/:id/decisions/:decisionId/links/:linkId/delete': {
    audience: decisionRules.manage,
    request: async (t, f) => {
      const { decisionId, linkId } = await linked(t, f);
      return { path: `${pages(f)}/${decisionId}/links/${linkId}/delete`, form: {} };
    },
  },
  'POST /staff/initiatives/:id/decisions/:decisionId/review': {
    audience: decisionRules.manage,
    request: async (t, f) => ({
      path: `${pages(f)}/${await decision(t, f)}/review`,
      form: {
        inputKind: 'idea',
        inputId: await idea(t, f),
        reviewed: 'yes',
        from: 'link',
        q: '',
        within: '',
      },
    }),
  },
  'GET /api/v1/initiatives/:id/decisions': {
    audience: decisionRules.view,
    request: (_t, f) => ({ path: apiBase(f) }),
  },
  'POST /api/v1/initiatives/:id/decisions': {
    audience: decisionRules.manage,
    request: (_t, f) => ({ path: apiBase(f), json: decisionBody(f) }),
  },
  'GET /api/v1/initiatives/:id/decisions/:decisionId': {
    audience: decisionRules.view,
    request: async (t, f) => ({ path: `${apiBase(f)}/${(await linked(t, f)).decisionId}` }),
  },
  'PUT /api/v1/initiatives/:id/decisions/:decisionId': {
    audience: decisionRules.manage,
    request: async (t, f) => ({
      path: `${apiBase(f)}/${await decision(t, f)}`,
      json: { ...decisionBody(f), status: 'in_pilot' },
    }),
  },
  'GET /api/v1/initiatives/:id/decisions/:decisionId/links': {
    audience: decisionRules.view,
    request: async (t, f) => ({ path: `${apiBase(f)}/${(await linked(t, f)).decisionId}/links` }),
  },
  'POST /api/v1/initiatives/:id/decisions/:decisionId/links': {
    audience: decisionRules.manage,
    request: async (t, f) => ({
      path: `${apiBase(f)}/${await decision(t, f)}/links`,
      json: { inputKind: 'idea', inputId: await idea(t, f) },
    }),
  },
  'DELETE /api/v1/initiatives/:id/decisions/:decisionId/links/:linkId': {
    audience: decisionRules.manage,
    request: async (t, f) => {
      const { decisionId, linkId } = await linked(t, f);
      return { path: `${apiBase(f)}/${decisionId}/links/${linkId}` };
    },
  },
  'GET /api/v1/initiatives/:id/inputs': {
    audience: decisionRules.view,
    request: async (t, f) => {
      await idea(t, f);
      return { path: `/api/v1/initiatives/${f.initiative.id}/inputs?q=idea&kind=idea` };
    },
  },
  'PUT /api/v1/initiatives/:id/inputs/:kind/:inputId/review': {
    audience: decisionRules.manage,
    request: async (t, f) => ({
      path: `/api/v1/initiatives/${f.initiative.id}/inputs/idea/${await idea(t, f)}/review`,
    }),
  },
  'DELETE /api/v1/initiatives/:id/inputs/:kind/:inputId/review': {
    audience: decisionRules.manage,
    request: async (t, f) => ({
      path: `/api/v1/initiatives/${f.initiative.id}/inputs/idea/${await reviewed(t, f)}/review`,
    }),
  },
};
