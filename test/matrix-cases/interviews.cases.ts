import type { RouteCase } from './types.js';
import { interviewRules } from '../../src/modules/interviews/interviews.policy.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import { buildInterview, interviewInput, SAMPLE_VTT } from '../support/interview-factory.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';

const list = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}/interviews`;
const apiList = (f: OrgFixture) => `/api/v1/initiatives/${f.initiative.id}/interviews`;

/** A fresh interview of the fixture's initiative, recorded by its facilitator. */
async function fresh(t: TestApp, f: OrgFixture): Promise<string> {
  const interview = await buildInterview(t.db, actorOf(f.staff.facilitator.member), f.initiative.id, {
    participantId: f.participantId,
  });
  return interview.id;
}

function form(f: OrgFixture): Record<string, string> {
  return {
    method: 'observation',
    heldOn: '2026-01-20',
    interviewerId: f.staff.frontline.member.id,
    place: `${f.marker} library desk`,
    participantId: f.participantId,
    'notes.0.heading': 'At the desk',
    'notes.0.text': 'People queue for the printer.',
    'quotes.0.text': 'It is always broken.',
    transcript: SAMPLE_VTT,
    transcriptFormat: 'auto',
  };
}

/** The interviews module's routes. */
export const interviewCases: Record<string, RouteCase> = {
  'GET /staff/initiatives/:id/interviews': {
    audience: interviewRules.view,
    request: (_t, f) => ({ path: list(f) }),
  },
  'GET /staff/initiatives/:id/interviews/new': {
    audience: interviewRules.record,
    request: (_t, f) => ({ path: `${list(f)}/new` }),
  },
  'POST /staff/initiatives/:id/interviews': {
    audience: interviewRules.record,
    request: (_t, f) => ({ path: list(f), form: form(f) }),
  },
  'GET /staff/initiatives/:id/interviews/:interviewId': {
    audience: interviewRules.view,
    request: async (t, f) => ({ path: `${list(f)}/${await fresh(t, f)}` }),
  },
  'GET /staff/initiatives/:id/interviews/:interviewId/edit': {
    audience: interviewRules.manage,
    request: async (t, f) => ({ path: `${list(f)}/${await fresh(t, f)}/edit` }),
  },
  'POST /staff/initiatives/:id/interviews/:interviewId': {
    audience: interviewRules.manage,
    request: async (t, f) => ({ path: `${list(f)}/${await fresh(t, f)}`, form: form(f) }),
  },
  'GET /staff/initiatives/:id/interviews/:interviewId/delete': {
    audience: interviewRules.manage,
    request: async (t, f) => ({ path: `${list(f)}/${await fresh(t, f)}/delete` }),
  },
  'POST /staff/initiatives/:id/interviews/:interviewId/delete': {
    audience: interviewRules.manage,
    request: async (t, f) => ({ path: `${list(f)}/${await fresh(t, f)}/delete`, form: {} }),
  },
  'GET /api/v1/initiatives/:id/interviews': {
    audience: interviewRules.view,
    request: (_t, f) => ({ path: apiList(f) }),
  },
  'POST /api/v1/initiatives/:id/interviews': {
    audience: interviewRules.record,
    request: (_t, f) => ({ path: apiList(f), json: interviewInput({ participantId: f.participantId }) }),
  },
  'GET /api/v1/initiatives/:id/interviews/:interviewId': {
    audience: interviewRules.view,
    request: async (t, f) => ({ path: `${apiList(f)}/${await fresh(t, f)}` }),
  },
  'PATCH /api/v1/initiatives/:id/interviews/:interviewId': {
    audience: interviewRules.manage,
    request: async (t, f) => ({ path: `${apiList(f)}/${await fresh(t, f)}`, json: { place: 'By phone' } }),
  },
  'DELETE /api/v1/initiatives/:id/interviews/:interviewId': {
    audience: interviewRules.manage,
    request: async (t, f) => ({ path: `${apiList(f)}/${await fresh(t, f)}` }),
  },
};
