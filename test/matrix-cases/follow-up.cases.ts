import type { RouteCase } from './types.js';
import { unsubscribeToken } from '../../src/modules/follow-up/unsubscribe-token.js';
import type { TestApp } from '../support/app.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';

/** The unsubscribe token of the fixture's desk-registered participant (who agreed to follow-up). */
const token = (t: TestApp, f: OrgFixture) =>
  unsubscribeToken(t.config.sessionSecret, f.org.id, f.participantId);

/** Telling contributors: My participation, the unsubscribe link and one-click unsubscribing. */
export const followUpCases: Record<string, RouteCase> = {
  'GET /o/:org/me/participation': {
    audience: 'participant',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/me/participation` }),
  },
  'POST /o/:org/me/participation/mail': {
    audience: 'participant',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/me/participation/mail`, form: { mail: 'on' } }),
  },
  // The link works without signing in: the signed token is the proof.
  'GET /o/:org/unsubscribe/:token': {
    audience: 'anyone',
    request: (t, f) => ({ path: `/o/${f.org.slug}/unsubscribe/${token(t, f)}` }),
  },
  'POST /o/:org/unsubscribe/:token': {
    audience: 'anyone',
    request: (t, f) => ({ path: `/o/${f.org.slug}/unsubscribe/${token(t, f)}`, form: {} }),
  },
  'POST /api/v1/follow-up/:org/unsubscribe/:token': {
    audience: 'anyone',
    request: (t, f) => ({ path: `/api/v1/follow-up/${f.org.slug}/unsubscribe/${token(t, f)}`, json: {} }),
  },
};
