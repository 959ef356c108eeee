import { engagementRules } from '../../src/modules/engagement/engagement.policy.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import { buildCampaign, buildLapsedParticipant, campaignInput } from '../support/engagement-factory.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';
import type { RouteCase } from './types.js';

/** A fresh draft campaign of the fixture's organization. */
async function draft(t: TestApp, f: OrgFixture): Promise<string> {
  return (await buildCampaign(t.db, actorOf(f.staff.admin.member), { subjectEn: `${f.marker} campaign` })).id;
}

/** A fresh draft campaign with a fresh lapsed, consenting participant to send it to. */
async function sendable(t: TestApp, f: OrgFixture): Promise<string> {
  await buildLapsedParticipant(t.db, actorOf(f.staff.admin.member), f.initiative);
  return draft(t, f);
}

/** Route cases of the engagement capability (segments and "we miss you" campaigns). */
export const engagementCases: Record<string, RouteCase> = {
  'GET /staff/engagement': { audience: engagementRules.view, request: () => ({ path: '/staff/engagement' }) },
  'POST /staff/engagement/settings': {
    audience: engagementRules.configure,
    request: () => ({ path: '/staff/engagement/settings', form: { lapsedAfterDays: '90' } }),
  },
  'POST /staff/engagement/campaigns': {
    audience: engagementRules.campaign,
    request: () => ({ path: '/staff/engagement/campaigns', form: campaignInput() }),
  },
  'GET /staff/engagement/campaigns/:id': {
    audience: engagementRules.view,
    request: async (t, f) => ({ path: `/staff/engagement/campaigns/${await draft(t, f)}` }),
  },
  'POST /staff/engagement/campaigns/:id/send': {
    audience: engagementRules.campaign,
    request: async (t, f) => ({ path: `/staff/engagement/campaigns/${await sendable(t, f)}/send`, form: {} }),
  },
  'GET /api/v1/engagement/segments': {
    audience: engagementRules.view,
    request: () => ({ path: '/api/v1/engagement/segments' }),
  },
  'GET /api/v1/engagement/campaigns': {
    audience: engagementRules.view,
    request: () => ({ path: '/api/v1/engagement/campaigns' }),
  },
  'GET /api/v1/engagement/campaigns/:id': {
    audience: engagementRules.view,
    request: async (t, f) => ({ path: `/api/v1/engagement/campaigns/${await draft(t, f)}` }),
  },
};
