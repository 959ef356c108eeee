import type { RouteCase } from './types.js';
import { addParticipantStatement } from '../../src/modules/conversations/submit-statement.js';
import { conversationRules } from '../../src/modules/conversations/conversations.policy.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import { buildConversation } from '../support/conversation-factory.js';
import { unique, type OrgFixture } from '../support/matrix-fixtures.js';

const list = (f: OrgFixture) => `/staff/initiatives/${f.initiative.id}/conversations`;
const apiList = (f: OrgFixture) => `/api/v1/initiatives/${f.initiative.id}/conversations`;
const participantPath = (f: OrgFixture, id: string) => `/o/${f.org.slug}/i/${f.initiative.slug}/c/${id}`;

/** A fresh conversation of the fixture's initiative (open unless asked), with one seed statement. */
async function fresh(t: TestApp, f: OrgFixture, open = true) {
  const built = await buildConversation(t.db, actorOf(f.staff.facilitator.member), f.initiative.id, {
    question: `${f.marker} question ${unique()}`,
    seeds: [`${f.marker} seed ${unique()}`],
    open,
  });
  return { id: built.conversation.id, conversation: built.conversation, seed: built.statements[0]! };
}

const form = (f: OrgFixture) => ({
  question: `${f.marker} conversation`,
  topic: '',
  statementMaxLength: '140',
  moderation: 'before',
});

/** The conversations module's routes. */
export const conversationCases: Record<string, RouteCase> = {
  'GET /staff/initiatives/:id/conversations': {
    audience: conversationRules.view,
    request: (_t, f) => ({ path: list(f) }),
  },
  'GET /staff/initiatives/:id/conversations/new': {
    audience: conversationRules.manage,
    request: (_t, f) => ({ path: `${list(f)}/new` }),
  },
  'POST /staff/initiatives/:id/conversations': {
    audience: conversationRules.manage,
    request: (_t, f) => ({ path: list(f), form: form(f) }),
  },
  'GET /staff/initiatives/:id/conversations/:conversationId': {
    audience: conversationRules.view,
    request: async (t, f) => ({ path: `${list(f)}/${(await fresh(t, f)).id}` }),
  },
  'GET /staff/initiatives/:id/conversations/:conversationId/edit': {
    audience: conversationRules.manage,
    request: async (t, f) => ({ path: `${list(f)}/${(await fresh(t, f)).id}/edit` }),
  },
  'POST /staff/initiatives/:id/conversations/:conversationId': {
    audience: conversationRules.manage,
    request: async (t, f) => ({ path: `${list(f)}/${(await fresh(t, f)).id}`, form: form(f) }),
  },
  'POST /staff/initiatives/:id/conversations/:conversationId/open': {
    audience: conversationRules.manage,
    request: async (t, f) => ({ path: `${list(f)}/${(await fresh(t, f, false)).id}/open`, form: {} }),
  },
  'POST /staff/initiatives/:id/conversations/:conversationId/close': {
    audience: conversationRules.manage,
    request: async (t, f) => ({ path: `${list(f)}/${(await fresh(t, f)).id}/close`, form: {} }),
  },
  'POST /staff/initiatives/:id/conversations/:conversationId/statements': {
    audience: conversationRules.manage,
    request: async (t, f) => ({
      path: `${list(f)}/${(await fresh(t, f)).id}/statements`,
      form: { body: `${f.marker} seeded ${unique()}` },
    }),
  },
  'POST /staff/initiatives/:id/conversations/:conversationId/statements/:statementId/moderate': {
    audience: conversationRules.moderate,
    request: async (t, f) => {
      const { conversation } = await fresh(t, f);
      const pending = await addParticipantStatement(t.db, conversation, f.participantId, {
        body: `${f.marker} waiting ${unique()}`,
      });
      return {
        path: `${list(f)}/${conversation.id}/statements/${pending.id}/moderate`,
        form: { decision: 'hide', reason: 'off_topic' },
      };
    },
  },
  'GET /staff/initiatives/:id/conversations/:conversationId/results': {
    audience: conversationRules.view,
    request: async (t, f) => ({ path: `${list(f)}/${(await fresh(t, f)).id}/results` }),
  },
  'GET /staff/initiatives/:id/conversations/:conversationId/report': {
    audience: conversationRules.view,
    request: async (t, f) => ({ path: `${list(f)}/${(await fresh(t, f)).id}/report` }),
  },
  'GET /staff/initiatives/:id/conversations/import': {
    audience: conversationRules.manage,
    request: (_t, f) => ({ path: `${list(f)}/import` }),
  },
  'POST /staff/initiatives/:id/conversations/import': {
    audience: conversationRules.manage,
    request: (_t, f) => ({
      path: `${list(f)}/import`,
      form: {
        question: `${f.marker} imported`,
        comments:
          'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,1,1,0,1,An imported comment\n',
        votes: 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n',
      },
    }),
  },
  'GET /staff/initiatives/:id/conversations/:conversationId/export/:file': {
    audience: conversationRules.export,
    request: async (t, f) => ({ path: `${list(f)}/${(await fresh(t, f)).id}/export/votes.csv` }),
  },
  'GET /api/v1/initiatives/:id/conversations': {
    audience: conversationRules.view,
    request: (_t, f) => ({ path: apiList(f) }),
  },
  'POST /api/v1/initiatives/:id/conversations': {
    audience: conversationRules.manage,
    request: (_t, f) => ({ path: apiList(f), json: { question: `${f.marker} via the API` } }),
  },
  'GET /api/v1/initiatives/:id/conversations/:conversationId': {
    audience: conversationRules.view,
    request: async (t, f) => ({ path: `${apiList(f)}/${(await fresh(t, f)).id}` }),
  },
  'POST /api/v1/initiatives/:id/conversations/:conversationId/statements': {
    audience: conversationRules.collect,
    request: async (t, f) => ({
      path: `${apiList(f)}/${(await fresh(t, f)).id}/statements`,
      json: { participantId: f.participantId, body: `${f.marker} from the desk ${unique()}` },
    }),
  },
  'POST /api/v1/initiatives/:id/conversations/:conversationId/votes': {
    audience: conversationRules.collect,
    request: async (t, f) => {
      const { id, seed } = await fresh(t, f);
      return {
        path: `${apiList(f)}/${id}/votes`,
        json: { participantId: f.participantId, statementId: seed.id, vote: 'agree' },
      };
    },
  },
  'GET /api/v1/initiatives/:id/conversations/:conversationId/results': {
    audience: conversationRules.view,
    request: async (t, f) => ({ path: `${apiList(f)}/${(await fresh(t, f)).id}/results` }),
  },
  'GET /o/:org/i/:slug/c/:conversationId': {
    audience: 'participant',
    request: async (t, f) => ({ path: participantPath(f, (await fresh(t, f)).id) }),
  },
  'POST /o/:org/i/:slug/c/:conversationId/vote': {
    audience: 'participant',
    request: async (t, f) => {
      const { id, seed } = await fresh(t, f);
      return { path: `${participantPath(f, id)}/vote`, form: { statementId: seed.id, vote: 'agree' } };
    },
  },
  'GET /o/:org/i/:slug/c/:conversationId/statements/new': {
    audience: 'participant',
    request: async (t, f) => ({ path: `${participantPath(f, (await fresh(t, f)).id)}/statements/new` }),
  },
  'POST /o/:org/i/:slug/c/:conversationId/statements': {
    audience: 'participant',
    request: async (t, f) => ({
      path: `${participantPath(f, (await fresh(t, f)).id)}/statements`,
      form: { body: `${f.marker} my idea ${unique()}` },
    }),
  },
  'GET /o/:org/i/:slug/c/:conversationId/map': {
    audience: 'participant',
    request: async (t, f) => ({ path: `${participantPath(f, (await fresh(t, f)).id)}/map` }),
  },
};
