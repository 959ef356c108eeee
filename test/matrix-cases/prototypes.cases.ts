import type { RouteCase } from './types.js';
import { prototypeRules } from '../../src/modules/prototypes/prototypes.policy.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import { PIXEL_PNG } from '../support/idea-factory.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';
import { buildPrototype, dayFromNow, prototypeInput } from '../support/prototype-factory.js';

const pub = (f: OrgFixture) => `/o/${f.org.slug}/i/${f.initiative.slug}/prototypes`;
const staff = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}/prototypes`;
const apiBase = (f: OrgFixture) => `/api/v1/initiatives/${f.initiative.id}/prototypes`;

/** A fresh prototype of the fixture's initiative with one image, published by its facilitator. */
async function fresh(t: TestApp, f: OrgFixture) {
  return buildPrototype(
    t.db,
    actorOf(f.staff.facilitator.member),
    f.initiative.id,
    { title: `${f.marker} draft` },
    [{ fileName: 'p.png', bytes: PIXEL_PNG }],
  );
}

const roundForm = (f: OrgFixture) => ({
  body: `${f.marker} draft text`,
  questions: 'Does it work?',
  closesOn: dayFromNow(5),
});

/** The prototypes module's routes. */
export const prototypeCases: Record<string, RouteCase> = {
  'GET /o/:org/i/:slug/prototypes': { audience: 'anyone', request: (_t, f) => ({ path: pub(f) }) },
  'GET /o/:org/i/:slug/prototypes/:prototypeId': {
    audience: 'anyone',
    request: async (t, f) => ({ path: `${pub(f)}/${(await fresh(t, f)).id}` }),
  },
  'GET /o/:org/i/:slug/prototypes/:prototypeId/files/:fileId': {
    audience: 'anyone',
    request: async (t, f) => {
      const p = await fresh(t, f);
      return { path: `${pub(f)}/${p.id}/files/${p.versions[0]!.files[0]!.id}` };
    },
  },
  'POST /o/:org/i/:slug/prototypes/:prototypeId/feedback': {
    audience: 'participant',
    request: async (t, f) => ({
      path: `${pub(f)}/${(await fresh(t, f)).id}/feedback`,
      form: { works: 'Clear', rating: '4' },
    }),
  },
  'GET /staff/initiatives/:id/prototypes': {
    audience: prototypeRules.view,
    request: (_t, f) => ({ path: staff(f) }),
  },
  'GET /staff/initiatives/:id/prototypes/new': {
    audience: prototypeRules.publish,
    request: (_t, f) => ({ path: `${staff(f)}/new` }),
  },
  'POST /staff/initiatives/:id/prototypes': {
    audience: prototypeRules.publish,
    request: (_t, f) => ({ path: staff(f), form: { title: `${f.marker} sign`, ...roundForm(f) } }),
  },
  'GET /staff/initiatives/:id/prototypes/:prototypeId': {
    audience: prototypeRules.view,
    request: async (t, f) => ({ path: `${staff(f)}/${(await fresh(t, f)).id}` }),
  },
  'GET /staff/initiatives/:id/prototypes/:prototypeId/files/:fileId': {
    audience: prototypeRules.view,
    request: async (t, f) => {
      const p = await fresh(t, f);
      return { path: `${staff(f)}/${p.id}/files/${p.versions[0]!.files[0]!.id}` };
    },
  },
  'GET /staff/initiatives/:id/prototypes/:prototypeId/versions/new': {
    audience: prototypeRules.publish,
    request: async (t, f) => ({ path: `${staff(f)}/${(await fresh(t, f)).id}/versions/new` }),
  },
  'POST /staff/initiatives/:id/prototypes/:prototypeId/versions': {
    audience: prototypeRules.publish,
    request: async (t, f) => ({ path: `${staff(f)}/${(await fresh(t, f)).id}/versions`, form: roundForm(f) }),
  },
  'GET /api/v1/initiatives/:id/prototypes': {
    audience: prototypeRules.view,
    request: (_t, f) => ({ path: apiBase(f) }),
  },
  'POST /api/v1/initiatives/:id/prototypes': {
    audience: prototypeRules.publish,
    request: (_t, f) => ({ path: apiBase(f), json: prototypeInput() }),
  },
  'GET /api/v1/initiatives/:id/prototypes/:prototypeId': {
    audience: prototypeRules.view,
    request: async (t, f) => ({ path: `${apiBase(f)}/${(await fresh(t, f)).id}` }),
  },
  'GET /api/v1/initiatives/:id/prototypes/:prototypeId/feedback': {
    audience: prototypeRules.view,
    request: async (t, f) => ({ path: `${apiBase(f)}/${(await fresh(t, f)).id}/feedback` }),
  },
  'POST /api/v1/initiatives/:id/prototypes/:prototypeId/versions': {
    audience: prototypeRules.publish,
    request: async (t, f) => {
      const { title: _title, ...round } = prototypeInput();
      return { path: `${apiBase(f)}/${(await fresh(t, f)).id}/versions`, json: round };
    },
  },
};
