import type { RouteCase } from './types.js';
import { recordResults } from '../../src/modules/experiments/decide-experiment.js';
import { experimentRules } from '../../src/modules/experiments/experiments.policy.js';
import { planExperiment } from '../../src/modules/experiments/plan-experiment.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';

const staff = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}/experiments`;
const apiBase = (f: OrgFixture) => `/api/v1/initiatives/${f.initiative.id}/experiments`;
const plan = (f: OrgFixture) => ({
  title: `${f.marker} pilot`,
  weBelieve: 'a queue screen',
  forWhom: 'people waiting',
  willResultIn: 'fewer questions',
  measure: 'Questions a day',
  successCriterion: 'Half as many',
  method: 'before_after',
  startsOn: '2026-12-01',
  endsOn: '2026-12-31',
});

/** A fresh experiment with results from a user test, ready for the decision gate. */
async function fresh(t: TestApp, f: OrgFixture): Promise<string> {
  const actor = actorOf(f.staff.facilitator.member);
  const e = await planExperiment(t.db, actor, f.initiative.id, plan(f));
  await recordResults(t.db, actor, f.initiative.id, e.id, { usersTested: 3, results: 'Fewer questions.' });
  return e.id;
}

/** The experiments module's routes and the public learning log. */
export const experimentCases: Record<string, RouteCase> = {
  'GET /o/:org/learning': { audience: 'anyone', request: (_t, f) => ({ path: `/o/${f.org.slug}/learning` }) },
  'GET /staff/initiatives/:id/experiments': {
    audience: experimentRules.view,
    request: (_t, f) => ({ path: staff(f) }),
  },
  'POST /staff/initiatives/:id/experiments': {
    audience: experimentRules.manage,
    request: (_t, f) => ({ path: staff(f), form: plan(f) }),
  },
  'GET /staff/initiatives/:id/experiments/:experimentId': {
    audience: experimentRules.view,
    request: async (t, f) => ({ path: `${staff(f)}/${await fresh(t, f)}` }),
  },
  'POST /staff/initiatives/:id/experiments/:experimentId/results': {
    audience: experimentRules.manage,
    request: async (t, f) => ({
      path: `${staff(f)}/${await fresh(t, f)}/results`,
      form: { usersTested: '5', results: 'Good' },
    }),
  },
  'POST /staff/initiatives/:id/experiments/:experimentId/decision': {
    audience: experimentRules.manage,
    request: async (t, f) => ({
      path: `${staff(f)}/${await fresh(t, f)}/decision`,
      form: { decision: 'scale_up' },
    }),
  },
  'GET /api/v1/initiatives/:id/experiments': {
    audience: experimentRules.view,
    request: (_t, f) => ({ path: apiBase(f) }),
  },
  'POST /api/v1/initiatives/:id/experiments': {
    audience: experimentRules.manage,
    request: (_t, f) => ({ path: apiBase(f), json: plan(f) }),
  },
  'GET /api/v1/initiatives/:id/experiments/:experimentId': {
    audience: experimentRules.view,
    request: async (t, f) => ({ path: `${apiBase(f)}/${await fresh(t, f)}` }),
  },
  'POST /api/v1/initiatives/:id/experiments/:experimentId/results': {
    audience: experimentRules.manage,
    request: async (t, f) => ({
      path: `${apiBase(f)}/${await fresh(t, f)}/results`,
      json: { usersTested: 5, results: 'Good' },
    }),
  },
  'POST /api/v1/initiatives/:id/experiments/:experimentId/decision': {
    audience: experimentRules.manage,
    request: async (t, f) => ({
      path: `${apiBase(f)}/${await fresh(t, f)}/decision`,
      json: { decision: 'stop' },
    }),
  },
};
