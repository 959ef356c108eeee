import type { RouteCase } from './types.js';
import { ideaRules } from '../../src/modules/ideas/ideas.policy.js';
import { commentAsStaff } from '../../src/modules/ideas/comment-on-idea.js';
import { postStaffIdea } from '../../src/modules/ideas/post-idea.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import { buildIdea, ideaInput, PIXEL_PNG } from '../support/idea-factory.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';

const board = (f: OrgFixture) => `/o/${f.org.slug}/i/${f.initiative.slug}/ideas`;
const staffBoard = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}/ideas`;
const apiBoard = (f: OrgFixture) => `/api/v1/initiatives/${f.initiative.id}/ideas`;

/** A fresh idea of the fixture's initiative, posted by its facilitator. */
async function fresh(t: TestApp, f: OrgFixture): Promise<string> {
  return (
    await buildIdea(t.db, actorOf(f.staff.facilitator.member), f.initiative.id, { title: `${f.marker} idea` })
  ).id;
}

/** A fresh idea with an image. */
async function withImage(t: TestApp, f: OrgFixture): Promise<string> {
  const idea = await postStaffIdea(t.db, actorOf(f.staff.facilitator.member), f.initiative.id, ideaInput(), {
    fileName: 'pixel.png',
    bytes: PIXEL_PNG,
  });
  return idea.id;
}

/** The idea board's routes. */
export const ideaCases: Record<string, RouteCase> = {
  'GET /o/:org/i/:slug/ideas': { audience: 'anyone', request: (_t, f) => ({ path: board(f) }) },
  'GET /o/:org/i/:slug/ideas/new': {
    audience: 'participant',
    request: (_t, f) => ({ path: `${board(f)}/new` }),
  },
  'POST /o/:org/i/:slug/ideas': {
    audience: 'participant',
    request: (_t, f) => ({ path: board(f), form: ideaInput() }),
  },
  'GET /o/:org/i/:slug/ideas/:ideaId': {
    audience: 'anyone',
    request: async (t, f) => ({ path: `${board(f)}/${await fresh(t, f)}` }),
  },
  'GET /o/:org/i/:slug/ideas/:ideaId/image': {
    audience: 'anyone',
    request: async (t, f) => ({ path: `${board(f)}/${await withImage(t, f)}/image` }),
  },
  'POST /o/:org/i/:slug/ideas/:ideaId/support': {
    audience: 'participant',
    request: async (t, f) => ({ path: `${board(f)}/${await fresh(t, f)}/support`, form: {} }),
  },
  'POST /o/:org/i/:slug/ideas/:ideaId/comments': {
    audience: 'participant',
    request: async (t, f) => ({
      path: `${board(f)}/${await fresh(t, f)}/comments`,
      form: { body: 'Good idea.' },
    }),
  },
  'GET /staff/initiatives/:id/ideas': {
    audience: ideaRules.view,
    request: (_t, f) => ({ path: staffBoard(f) }),
  },
  'GET /staff/initiatives/:id/ideas/new': {
    audience: ideaRules.contribute,
    request: (_t, f) => ({ path: `${staffBoard(f)}/new` }),
  },
  'POST /staff/initiatives/:id/ideas': {
    audience: ideaRules.contribute,
    request: (_t, f) => ({ path: staffBoard(f), form: ideaInput() }),
  },
  'GET /staff/initiatives/:id/ideas/:ideaId': {
    audience: ideaRules.view,
    request: async (t, f) => ({ path: `${staffBoard(f)}/${await fresh(t, f)}` }),
  },
  'GET /staff/initiatives/:id/ideas/:ideaId/image': {
    audience: ideaRules.view,
    request: async (t, f) => ({ path: `${staffBoard(f)}/${await withImage(t, f)}/image` }),
  },
  'POST /staff/initiatives/:id/ideas/:ideaId/status': {
    audience: ideaRules.moderate,
    request: async (t, f) => ({
      path: `${staffBoard(f)}/${await fresh(t, f)}/status`,
      form: { status: 'not_adopted', reason: 'The bus company owns the stop.' },
    }),
  },
  'POST /staff/initiatives/:id/ideas/:ideaId/merge': {
    audience: ideaRules.moderate,
    request: async (t, f) => ({
      path: `${staffBoard(f)}/${await fresh(t, f)}/merge`,
      form: { targetId: await fresh(t, f) },
    }),
  },
  'POST /staff/initiatives/:id/ideas/:ideaId/hide': {
    audience: ideaRules.moderate,
    request: async (t, f) => ({
      path: `${staffBoard(f)}/${await fresh(t, f)}/hide`,
      form: { reason: 'Off topic' },
    }),
  },
  'POST /staff/initiatives/:id/ideas/:ideaId/unhide': {
    audience: ideaRules.moderate,
    request: async (t, f) => ({ path: `${staffBoard(f)}/${await fresh(t, f)}/unhide`, form: {} }),
  },
  'POST /staff/initiatives/:id/ideas/:ideaId/comments': {
    audience: ideaRules.contribute,
    request: async (t, f) => ({
      path: `${staffBoard(f)}/${await fresh(t, f)}/comments`,
      form: { body: 'Noted.' },
    }),
  },
  'POST /staff/initiatives/:id/ideas/:ideaId/support': {
    audience: ideaRules.contribute,
    request: async (t, f) => ({ path: `${staffBoard(f)}/${await fresh(t, f)}/support`, form: {} }),
  },
  'POST /staff/initiatives/:id/ideas/:ideaId/comments/:commentId/hide': {
    audience: ideaRules.moderate,
    request: async (t, f) => {
      const ideaId = await fresh(t, f);
      const commentId = await commentAsStaff(
        t.db,
        actorOf(f.staff.facilitator.member),
        f.initiative.id,
        ideaId,
        {
          body: 'Call me on 12345678',
        },
      );
      return {
        path: `${staffBoard(f)}/${ideaId}/comments/${commentId}/hide`,
        form: { reason: 'Personal data' },
      };
    },
  },
  'GET /api/v1/initiatives/:id/ideas': {
    audience: ideaRules.view,
    request: (_t, f) => ({ path: apiBoard(f) }),
  },
  'POST /api/v1/initiatives/:id/ideas': {
    audience: ideaRules.contribute,
    request: (_t, f) => ({ path: apiBoard(f), json: ideaInput() }),
  },
  'GET /api/v1/initiatives/:id/ideas/:ideaId': {
    audience: ideaRules.view,
    request: async (t, f) => ({ path: `${apiBoard(f)}/${await fresh(t, f)}` }),
  },
  'POST /api/v1/initiatives/:id/ideas/:ideaId/status': {
    audience: ideaRules.moderate,
    request: async (t, f) => ({
      path: `${apiBoard(f)}/${await fresh(t, f)}/status`,
      json: { status: 'under_review', reason: '' },
    }),
  },
  'POST /api/v1/initiatives/:id/ideas/:ideaId/merge': {
    audience: ideaRules.moderate,
    request: async (t, f) => ({
      path: `${apiBoard(f)}/${await fresh(t, f)}/merge`,
      json: { targetId: await fresh(t, f) },
    }),
  },
  'POST /api/v1/initiatives/:id/ideas/:ideaId/hide': {
    audience: ideaRules.moderate,
    request: async (t, f) => ({
      path: `${apiBoard(f)}/${await fresh(t, f)}/hide`,
      json: { reason: 'Off topic' },
    }),
  },
  'POST /api/v1/initiatives/:id/ideas/:ideaId/comments': {
    audience: ideaRules.contribute,
    request: async (t, f) => ({
      path: `${apiBoard(f)}/${await fresh(t, f)}/comments`,
      json: { body: 'Noted.' },
    }),
  },
  'POST /api/v1/initiatives/:id/ideas/:ideaId/support': {
    audience: ideaRules.contribute,
    request: async (t, f) => ({ path: `${apiBoard(f)}/${await fresh(t, f)}/support` }),
  },
};
