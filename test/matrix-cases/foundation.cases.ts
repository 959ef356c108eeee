import type { RouteCase } from './types.js';
import { initiativeRules } from '../../src/modules/initiatives/initiatives.policy.js';
import { participantRules } from '../../src/modules/participants/participants.policy.js';
import { staffRules } from '../../src/modules/staff/staff.policy.js';
import { completePlan } from '../support/initiative-factory.js';
import {
  freshColleague,
  freshDraft,
  freshInvitationToken,
  freshParticipant,
  unique,
  type OrgFixture,
} from '../support/matrix-fixtures.js';

function planForm(title: string): Record<string, string | string[]> {
  const plan = completePlan({ title });
  return {
    title,
    summary: String(plan.summary),
    purpose: String(plan.purpose),
    objectives: (plan.objectives as string[]).join('\n'),
    targetGroup: String(plan.targetGroup),
    formOfInvolvement: 'informants',
    influenceLevel: 'consult',
    visibility: 'public',
    feedbackPlan: String(plan.feedbackPlan),
    consentText: String(plan.consentText),
  };
}

const i = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}`;

/** Every route of the platform, keyed `METHOD url` exactly as registered. */
export const foundationCases: Record<string, RouteCase> = {
  // System and public pages.
  'GET /healthz': { audience: 'anyone', request: () => ({ path: '/healthz' }) },
  'GET /lang/:lang': { audience: 'anyone', request: () => ({ path: '/lang/da?next=/' }) },
  'GET /api/openapi.json': { audience: 'anyone', request: () => ({ path: '/api/openapi.json' }) },
  'GET /assets/*': { audience: 'anyone', request: () => ({ path: '/assets/app.css' }) },
  'GET /': { audience: 'anyone', request: () => ({ path: '/' }) },
  'GET /o/:org': { audience: 'anyone', request: (_t, f) => ({ path: `/o/${f.org.slug}` }) },
  'GET /o/:org/i/:slug': {
    audience: 'anyone',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/i/${f.initiative.slug}` }),
  },
  'GET /signin': { audience: 'anyone', request: () => ({ path: '/signin' }) },
  'POST /signin': {
    audience: 'anyone',
    request: (_t, f) => ({
      path: '/signin',
      form: { email: f.staff.analyst.member.email, password: f.staff.analyst.member.password },
    }),
  },
  'POST /signout': { audience: 'anyone', request: () => ({ path: '/signout', form: {} }) },
  'GET /invitations/:token': {
    audience: 'anyone',
    request: async (t, f) => ({ path: `/invitations/${await freshInvitationToken(t, f)}` }),
  },
  'POST /invitations/:token': {
    audience: 'anyone',
    request: async (t, f) => ({
      path: `/invitations/${await freshInvitationToken(t, f)}`,
      form: {
        name: 'New Colleague',
        password: 'a long enough password',
        passwordConfirm: 'a long enough password',
      },
    }),
  },

  // Participants.
  'GET /o/:org/i/:slug/join': {
    audience: 'anyone',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/i/${f.initiative.slug}/join` }),
  },
  'POST /o/:org/i/:slug/join': {
    audience: 'anyone',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/i/${f.initiative.slug}/join`, form: { consent: 'true' } }),
  },
  'GET /o/:org/me': { audience: 'participant', request: (_t, f) => ({ path: `/o/${f.org.slug}/me` }) },
  'POST /o/:org/me': {
    audience: 'participant',
    request: (_t, f) => ({
      path: `/o/${f.org.slug}/me`,
      form: { locale: 'da', accessibilityNeeds: 'Large text' },
    }),
  },
  'GET /o/:org/me/data.json': {
    audience: 'participant',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/me/data.json` }),
  },
  'POST /o/:org/me/erase': {
    audience: 'participant',
    request: async (t, f) => ({
      path: `/o/${f.org.slug}/me/erase`,
      form: { confirm: 'ERASE' },
      participant: await freshParticipant(t, f),
    }),
  },
  'GET /o/:org/me/demographics': {
    audience: 'participant',
    request: (_t, f) => ({ path: `/o/${f.org.slug}/me/demographics` }),
  },
  'POST /o/:org/me/demographics': {
    audience: 'participant',
    request: (_t, f) => ({
      path: `/o/${f.org.slug}/me/demographics`,
      form: { [`answers.${f.attributeId}`]: 'prefer_not_to_say' },
    }),
  },

  // Staff: initiatives.
  'GET /staff': { audience: initiativeRules.view, request: () => ({ path: '/staff' }) },
  'GET /staff/initiatives': {
    audience: initiativeRules.view,
    request: () => ({ path: '/staff/initiatives' }),
  },
  'GET /staff/initiatives/new': {
    audience: initiativeRules.manage,
    request: () => ({ path: '/staff/initiatives/new' }),
  },
  'POST /staff/initiatives': {
    audience: initiativeRules.manage,
    request: () => ({ path: '/staff/initiatives', form: planForm(`New ${unique()}`) }),
  },
  'GET /staff/initiatives/:id': { audience: initiativeRules.view, request: (_t, f) => ({ path: i(f) }) },
  'GET /staff/initiatives/:id/edit': {
    audience: initiativeRules.manage,
    request: (_t, f) => ({ path: `${i(f)}/edit` }),
  },
  'POST /staff/initiatives/:id': {
    audience: initiativeRules.manage,
    request: async (t, f) => ({
      path: `/staff/initiatives/${(await freshDraft(t, f)).id}`,
      form: planForm(`${f.marker} edited ${unique()}`),
    }),
  },
  'POST /staff/initiatives/:id/:action': {
    audience: initiativeRules.manage,
    request: async (t, f) => ({ path: `/staff/initiatives/${(await freshDraft(t, f)).id}/open`, form: {} }),
  },
  'GET /staff/initiatives/:id/participants': {
    audience: participantRules.view,
    request: (_t, f) => ({ path: `${i(f)}/participants` }),
  },
  'POST /staff/initiatives/:id/participants': {
    audience: participantRules.register,
    request: (_t, f) => ({ path: `${i(f)}/participants`, form: { consent: 'true' } }),
  },

  // Staff: team, departments, records, tokens.
  'GET /staff/team': { audience: staffRules.viewTeam, request: () => ({ path: '/staff/team' }) },
  'POST /staff/team/invitations': {
    audience: staffRules.manageTeam,
    request: () => ({
      path: '/staff/team/invitations',
      form: { email: `new-${unique()}@test.example`, name: 'New Person', role: 'analyst' },
    }),
  },
  'GET /staff/team/:id': {
    audience: staffRules.viewTeam,
    request: async (t, f) => ({ path: `/staff/team/${(await freshColleague(t, f)).id}` }),
  },
  'POST /staff/team/:id': {
    audience: staffRules.manageTeam,
    request: async (t, f) => ({
      path: `/staff/team/${(await freshColleague(t, f)).id}`,
      form: { role: 'analyst', status: 'active' },
    }),
  },
  'POST /staff/departments': {
    audience: staffRules.manageTeam,
    request: () => ({ path: '/staff/departments', form: { departmentName: `Dept ${unique()}` } }),
  },
  'GET /staff/departments/:id': {
    audience: staffRules.manageTeam,
    request: (_t, f) => ({ path: `/staff/departments/${f.departmentId}` }),
  },
  'POST /staff/departments/:id': {
    audience: staffRules.manageTeam,
    request: (_t, f) => ({
      path: `/staff/departments/${f.departmentId}`,
      form: { departmentName: `${f.marker} department ${unique()}` },
    }),
  },
  'GET /staff/outbox': { audience: staffRules.viewOutbox, request: () => ({ path: '/staff/outbox' }) },
  'GET /staff/audit': { audience: staffRules.viewAudit, request: () => ({ path: '/staff/audit' }) },
  'GET /staff/tokens': { audience: staffRules.manageOwnTokens, request: () => ({ path: '/staff/tokens' }) },
  'POST /staff/tokens': {
    audience: staffRules.manageOwnTokens,
    request: () => ({ path: '/staff/tokens', form: { name: `token ${unique()}` } }),
  },
  'GET /staff/demographics': {
    audience: participantRules.manageDemographics,
    request: () => ({ path: '/staff/demographics' }),
  },
  'POST /staff/demographics': {
    audience: participantRules.manageDemographics,
    request: () => ({
      path: '/staff/demographics',
      form: { key: `attr_${unique().replace(/-/g, '')}`, labelEn: 'Attribute', labelDa: 'Egenskab' },
    }),
  },
  'GET /staff/demographics/:id': {
    audience: participantRules.manageDemographics,
    request: (_t, f) => ({ path: `/staff/demographics/${f.attributeId}` }),
  },
  'POST /staff/demographics/:id/categories': {
    audience: participantRules.manageDemographics,
    request: (_t, f) => ({
      path: `/staff/demographics/${f.attributeId}/categories`,
      form: { key: `cat_${unique().replace(/-/g, '')}`, labelEn: 'Category', labelDa: 'Kategori' },
    }),
  },

  // JSON API.
  'GET /api/v1/me': { audience: staffRules.manageOwnTokens, request: () => ({ path: '/api/v1/me' }) },
  'GET /api/v1/initiatives': {
    audience: initiativeRules.view,
    request: () => ({ path: '/api/v1/initiatives' }),
  },
  'POST /api/v1/initiatives': {
    audience: initiativeRules.manage,
    request: () => ({ path: '/api/v1/initiatives', json: completePlan({ title: `API ${unique()}` }) }),
  },
  'GET /api/v1/initiatives/:id': {
    audience: initiativeRules.view,
    request: (_t, f) => ({ path: `/api/v1/initiatives/${f.initiative.id}` }),
  },
  'PATCH /api/v1/initiatives/:id': {
    audience: initiativeRules.manage,
    request: (_t, f) => ({
      path: `/api/v1/initiatives/${f.initiative.id}`,
      json: { summary: `Changed ${unique()}` },
    }),
  },
  'POST /api/v1/initiatives/:id/:action': {
    audience: initiativeRules.manage,
    request: async (t, f) => ({ path: `/api/v1/initiatives/${(await freshDraft(t, f)).id}/open`, json: {} }),
  },
  'GET /api/v1/initiatives/:id/participants': {
    audience: participantRules.view,
    request: (_t, f) => ({ path: `/api/v1/initiatives/${f.initiative.id}/participants` }),
  },
  'POST /api/v1/initiatives/:id/participants': {
    audience: participantRules.register,
    request: (_t, f) => ({
      path: `/api/v1/initiatives/${f.initiative.id}/participants`,
      json: { consent: true },
    }),
  },
  'GET /api/v1/participants/:id': {
    audience: participantRules.view,
    request: (_t, f) => ({ path: `/api/v1/participants/${f.participantId}` }),
  },
};
