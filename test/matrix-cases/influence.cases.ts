import { influenceRules } from '../../src/modules/influence/influence.policy.js';
import type { RouteCase } from './types.js';

/** Route cases of the influence capability. */
export const influenceCases: Record<string, RouteCase> = {
  'GET /staff/influence': {
    audience: influenceRules.view,
    request: () => ({ path: '/staff/influence' }),
  },
  'POST /staff/influence/settings': {
    audience: influenceRules.configure,
    request: () => ({
      path: '/staff/influence/settings',
      form: { closedDays: '60', responseSharePercent: '20' },
    }),
  },
  'GET /staff/initiatives/:id/influence': {
    audience: influenceRules.view,
    request: (_t, f) => ({ path: `/staff/initiatives/${f.initiative.id}/influence` }),
  },
  'GET /api/v1/influence': {
    audience: influenceRules.view,
    request: () => ({ path: '/api/v1/influence' }),
  },
  'GET /api/v1/initiatives/:id/influence': {
    audience: influenceRules.view,
    request: (_t, f) => ({ path: `/api/v1/initiatives/${f.initiative.id}/influence` }),
  },
  'PATCH /api/v1/influence/settings': {
    audience: influenceRules.configure,
    request: () => ({
      path: '/api/v1/influence/settings',
      json: { closedDays: 60, responseSharePercent: 20 },
    }),
  },
};
