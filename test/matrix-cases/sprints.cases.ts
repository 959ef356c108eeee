import type { RouteCase } from './types.js';
import { addMember } from '../../src/modules/sprints/add-member.js';
import { createSprint } from '../../src/modules/sprints/create-sprint.js';
import { placeOnBoard } from '../../src/modules/sprints/run-sprint.js';
import { sprintRules } from '../../src/modules/sprints/sprints.policy.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import { FormClient } from '../support/http-client.js';
import { PIXEL_PNG } from '../support/idea-factory.js';
import type { OrgFixture } from '../support/matrix-fixtures.js';
import { buildPrototype, dayFromNow } from '../support/prototype-factory.js';

const staff = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}/sprints`;
const apiBase = (f: OrgFixture) => `/api/v1/initiatives/${f.initiative.id}/sprints`;
const sprintInput = (f: OrgFixture) => ({
  challenge: `${f.marker} challenge`,
  inScope: 'The waiting room',
  outOfScope: 'Opening hours',
  startsOn: dayFromNow(1),
  endsOn: dayFromNow(10),
});

/** A fresh sprint of the fixture's initiative. */
async function fresh(t: TestApp, f: OrgFixture): Promise<string> {
  return (await createSprint(t.db, actorOf(f.staff.facilitator.member), f.initiative.id, sprintInput(f))).id;
}

/** A fresh invitation link's token for an external member of a fresh sprint. */
async function invitation(t: TestApp, f: OrgFixture): Promise<string> {
  const added = await addMember(
    t.db,
    actorOf(f.staff.facilitator.member),
    f.initiative.id,
    await fresh(t, f),
    {
      role: 'external',
      name: `${f.marker} partner`,
      externalKind: 'partner',
    },
  );
  return added.invitationToken!;
}

/**
 * A sprint with a prototype (with an image) on its board and an external member who joined through
 * the link: the browser client holding the member cookie.
 */
async function memberWithPrototype(t: TestApp, f: OrgFixture) {
  const actor = actorOf(f.staff.facilitator.member);
  const sprintId = await fresh(t, f);
  const proto = await buildPrototype(t.db, actor, f.initiative.id, {}, [
    { fileName: 'p.png', bytes: PIXEL_PNG },
  ]);
  await placeOnBoard(t.db, actor, f.initiative.id, sprintId, {
    kind: 'prototype',
    itemId: proto.id,
    stage: 'test',
  });
  const added = await addMember(t.db, actor, f.initiative.id, sprintId, {
    role: 'external',
    name: `${f.marker} expert`,
    externalKind: 'subject_expert',
  });
  const client = new FormClient(t.app);
  const link = `/sprint-invitations/${added.invitationToken}`;
  await client.get(link);
  await client.post(link);
  return { client, sprintId, proto };
}

/** The sprints module's routes, external members' pages included. */
export const sprintCases: Record<string, RouteCase> = {
  'GET /staff/initiatives/:id/sprints': {
    audience: sprintRules.view,
    request: (_t, f) => ({ path: staff(f) }),
  },
  'POST /staff/initiatives/:id/sprints': {
    audience: sprintRules.manage,
    request: (_t, f) => ({ path: staff(f), form: sprintInput(f) }),
  },
  'GET /staff/initiatives/:id/sprints/:sprintId': {
    audience: sprintRules.view,
    request: async (t, f) => ({ path: `${staff(f)}/${await fresh(t, f)}` }),
  },
  'POST /staff/initiatives/:id/sprints/:sprintId/members': {
    audience: sprintRules.manage,
    request: async (t, f) => ({
      path: `${staff(f)}/${await fresh(t, f)}/members`,
      form: { role: 'user', name: 'Karen' },
    }),
  },
  'POST /staff/initiatives/:id/sprints/:sprintId/items': {
    audience: sprintRules.manage,
    request: async (t, f) => {
      const proto = await buildPrototype(t.db, actorOf(f.staff.facilitator.member), f.initiative.id);
      return {
        path: `${staff(f)}/${await fresh(t, f)}/items`,
        form: { item: `prototype:${proto.id}`, stage: 'test' },
      };
    },
  },
  'POST /staff/initiatives/:id/sprints/:sprintId/stage': {
    audience: sprintRules.manage,
    request: async (t, f) => ({ path: `${staff(f)}/${await fresh(t, f)}/stage`, form: { stage: 'ideate' } }),
  },
  'POST /staff/initiatives/:id/sprints/:sprintId/warnings/dismiss': {
    audience: sprintRules.manage,
    request: async (t, f) => ({
      path: `${staff(f)}/${await fresh(t, f)}/warnings/dismiss`,
      form: { warning: 'noUsers' },
    }),
  },
  'GET /sprint-invitations/:token': {
    audience: 'anyone',
    request: async (t, f) => ({ path: `/sprint-invitations/${await invitation(t, f)}` }),
  },
  'POST /sprint-invitations/:token': {
    audience: 'anyone',
    request: async (t, f) => ({ path: `/sprint-invitations/${await invitation(t, f)}`, form: {} }),
  },
  'GET /x/sprints/:sprintId': {
    audience: 'participant',
    request: async (t, f) => {
      const m = await memberWithPrototype(t, f);
      return { path: `/x/sprints/${m.sprintId}`, participant: m.client };
    },
  },
  'GET /x/sprints/:sprintId/prototypes/:prototypeId': {
    audience: 'participant',
    request: async (t, f) => {
      const m = await memberWithPrototype(t, f);
      return { path: `/x/sprints/${m.sprintId}/prototypes/${m.proto.id}`, participant: m.client };
    },
  },
  'GET /x/sprints/:sprintId/prototypes/:prototypeId/files/:fileId': {
    audience: 'participant',
    request: async (t, f) => {
      const m = await memberWithPrototype(t, f);
      const file = m.proto.versions[0]!.files[0]!.id;
      return {
        path: `/x/sprints/${m.sprintId}/prototypes/${m.proto.id}/files/${file}`,
        participant: m.client,
      };
    },
  },
  'POST /x/sprints/:sprintId/prototypes/:prototypeId/feedback': {
    audience: 'participant',
    request: async (t, f) => {
      const m = await memberWithPrototype(t, f);
      return {
        path: `/x/sprints/${m.sprintId}/prototypes/${m.proto.id}/feedback`,
        form: { works: 'Clear', rating: '4' },
        participant: m.client,
      };
    },
  },
  'GET /api/v1/initiatives/:id/sprints': {
    audience: sprintRules.view,
    request: (_t, f) => ({ path: apiBase(f) }),
  },
  'POST /api/v1/initiatives/:id/sprints': {
    audience: sprintRules.manage,
    request: (_t, f) => ({ path: apiBase(f), json: sprintInput(f) }),
  },
  'GET /api/v1/initiatives/:id/sprints/:sprintId': {
    audience: sprintRules.view,
    request: async (t, f) => ({ path: `${apiBase(f)}/${await fresh(t, f)}` }),
  },
  'GET /api/v1/initiatives/:id/sprints/:sprintId/members': {
    audience: sprintRules.view,
    request: async (t, f) => ({ path: `${apiBase(f)}/${await fresh(t, f)}/members` }),
  },
  'POST /api/v1/initiatives/:id/sprints/:sprintId/members': {
    audience: sprintRules.manage,
    request: async (t, f) => ({
      path: `${apiBase(f)}/${await fresh(t, f)}/members`,
      json: { role: 'external', name: 'Dr. Hansen', externalKind: 'researcher' },
    }),
  },
  'POST /api/v1/initiatives/:id/sprints/:sprintId/items': {
    audience: sprintRules.manage,
    request: async (t, f) => {
      const proto = await buildPrototype(t.db, actorOf(f.staff.facilitator.member), f.initiative.id);
      return {
        path: `${apiBase(f)}/${await fresh(t, f)}/items`,
        json: { kind: 'prototype', itemId: proto.id, stage: 'test' },
      };
    },
  },
};
