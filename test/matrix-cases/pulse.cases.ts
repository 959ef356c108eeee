import type { RouteCase } from './types.js';
import { pulseRules } from '../../src/modules/pulse/pulse.policy.js';
import { activityKinds } from '../../src/modules/pulse/pulse.table.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';
import { joinAsParticipant } from '../support/participant-factory.js';

const pulse = (f: OrgFixture) =>
  `/o/${f.org.slug}/i/${f.initiative.slug}/pulse?activity=ideas:${f.initiative.id}`;
const staffPulse = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}/pulse`;

/** The experience pulse's routes. */
export const pulseCases: Record<string, RouteCase> = {
  'GET /o/:org/i/:slug/pulse': { audience: 'participant', request: (_t, f) => ({ path: pulse(f) }) },
  'POST /o/:org/i/:slug/pulse': {
    audience: 'participant',
    // A fresh participant each time: a second pulse of the same person is refused (409) by design.
    request: async (t, f) => ({
      path: pulse(f),
      form: { heard: '4', comment: 'Fine' },
      participant: await joinAsParticipant(t.app, f.org.slug, f.initiative.slug),
    }),
  },
  'GET /o/:org/i/:slug/pulse/thanks': {
    audience: 'anyone',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/i/${f.initiative.slug}/pulse/thanks` }),
  },
  'GET /staff/initiatives/:id/pulse': {
    audience: pulseRules.view,
    request: (_t, f) => ({ path: staffPulse(f) }),
  },
  'POST /staff/initiatives/:id/pulse/settings': {
    audience: pulseRules.configure,
    request: (_t, f) => ({ path: `${staffPulse(f)}/settings`, form: { 'enabled[]': [...activityKinds] } }),
  },
  'GET /api/v1/initiatives/:id/pulse': {
    audience: pulseRules.view,
    request: (_t, f) => ({ path: `/api/v1/initiatives/${f.initiative.id}/pulse` }),
  },
};
