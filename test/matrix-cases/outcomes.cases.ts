import type { RouteCase } from './types.js';
import { outcomeRules } from '../../src/modules/outcomes/outcomes.policy.js';

/** The "you said, we did" pages (public) and JSON (staff). */
export const outcomeCases: Record<string, RouteCase> = {
  'GET /o/:org/i/:slug/you-said-we-did': {
    audience: 'anyone',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/i/${f.initiative.slug}/you-said-we-did` }),
  },
  'GET /o/:org/you-said-we-did': {
    audience: 'anyone',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/you-said-we-did` }),
  },
  'GET /api/v1/initiatives/:id/you-said-we-did': {
    audience: outcomeRules.view,
    request: (_t, f) => ({ path: `/api/v1/initiatives/${f.initiative.id}/you-said-we-did` }),
  },
};
