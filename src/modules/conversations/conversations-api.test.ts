// The conversations JSON API: the same use cases and rules as the pages, RFC 9457 problem details.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { setUpConversations, type ConversationsSetup } from '../../../test/support/conversation-setup.js';
import { engines } from '../../../test/support/databases.js';
import { api, type FormClient } from '../../../test/support/http-client.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { PARTICIPANT_COOKIE } from '../participants/participant-cookie.js';
import { settleAnalyses } from './analysis-scheduler.js';
import { changeConversationStatus } from './change-conversation-status.js';
import type { ConversationView, ResultsView, StatementView } from './conversation-api-views.js';
import { FLOOD_LIMIT } from './submit-statement.js';

const idOf = (c: FormClient) => (c.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0]!;

describe.each(engines)('conversations API on %s', (engine) => {
  let s: ConversationsSetup;
  const base = () => `/api/v1/initiatives/${s.initiative.id}/conversations`;

  beforeAll(async () => {
    s = await setUpConversations(engine);
  });
  afterAll(async () => s.t.close());

  it('creates, lists and reads conversations; refuses bad input with problem details', async () => {
    const created = await api(s.t.app, s.staff.facilitator.token, 'POST', base(), {
      question: 'Where should the new bike lanes go?',
      moderation: 'after',
    });
    expect(created.statusCode).toBe(201);
    const c = created.json<ConversationView>();
    expect(c).toMatchObject({ status: 'draft', statementMaxLength: 140, moderation: 'after' });
    const bad = await api(s.t.app, s.staff.facilitator.token, 'POST', base(), {
      question: '',
      statementMaxLength: 5000,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['question', 'statementMaxLength']);
    expect((await api(s.t.app, s.staff.analyst.token, 'POST', base(), { question: 'No' })).statusCode).toBe(
      403,
    );
    const list = await api(s.t.app, s.staff.analyst.token, 'GET', base());
    expect(list.json<{ items: ConversationView[] }>().items.map((i) => i.id)).toContain(c.id);
    const other = await api(s.t.app, s.otherAdmin.token, 'GET', `${base()}/${c.id}`);
    expect(other.statusCode).toBe(404);
  });

  it('records votes and statements for a participant under the same rules as the pages', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      {
        question: 'API voting?',
        seeds: ['First seed.', 'Second seed.'],
      },
    );
    const one = `${base()}/${conversation.id}`;
    const person = idOf(await s.participant());
    const token = s.staff.frontline.token;
    const voted = await api(s.t.app, token, 'POST', `${one}/votes`, {
      participantId: person,
      statementId: statements[0]!.id,
      vote: 'agree',
    });
    expect(voted.statusCode).toBe(204);
    const again = await api(s.t.app, token, 'POST', `${one}/votes`, {
      participantId: person,
      statementId: statements[0]!.id,
      vote: 'disagree',
    });
    expect(again.statusCode).toBe(204);
    const read = (await api(s.t.app, s.staff.analyst.token, 'GET', one)).json<{
      statements: StatementView[];
    }>();
    expect(read.statements[0]).toMatchObject({ agree: 0, disagree: 1, pass: 0 });

    const stranger = await api(s.t.app, token, 'POST', `${one}/votes`, {
      participantId: 'nobody',
      statementId: statements[0]!.id,
      vote: 'agree',
    });
    expect(stranger.statusCode).toBe(422);
    const added = await api(s.t.app, token, 'POST', `${one}/statements`, {
      participantId: person,
      body: 'From the desk.',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json<StatementView>()).toMatchObject({
      status: 'pending',
      source: 'participant',
      number: 2,
    });
    const pending = await api(s.t.app, token, 'POST', `${one}/votes`, {
      participantId: person,
      statementId: added.json<StatementView>().id,
      vote: 'agree',
    });
    expect(pending.statusCode).toBe(409);
    expect(pending.json<{ code: string }>().code).toBe('statement_unavailable');
    const duplicate = await api(s.t.app, token, 'POST', `${one}/statements`, {
      participantId: person,
      body: 'first SEED',
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json<{ errors: { detail: string }[] }>().errors[0]!.detail).toBe(
      'This statement is already in the conversation',
    );
    const long = await api(s.t.app, token, 'POST', `${one}/statements`, {
      participantId: person,
      body: 'x'.repeat(141),
    });
    expect(long.statusCode).toBe(422);
    // A seed without a participant is for those who manage conversations.
    expect(
      (await api(s.t.app, token, 'POST', `${one}/statements`, { body: 'A seed from the desk' })).statusCode,
    ).toBe(403);
    const seed = await api(s.t.app, s.staff.admin.token, 'POST', `${one}/statements`, {
      body: 'A seed from the office',
    });
    expect(seed.json<StatementView>()).toMatchObject({ status: 'approved', source: 'staff' });

    for (let i = 0; i < FLOOD_LIMIT - 1; i++)
      expect(
        (
          await api(s.t.app, token, 'POST', `${one}/statements`, {
            participantId: person,
            body: `Desk idea ${i}`,
          })
        ).statusCode,
      ).toBe(201);
    const flood = await api(s.t.app, token, 'POST', `${one}/statements`, {
      participantId: person,
      body: 'One more',
    });
    expect(flood.statusCode).toBe(429);
    expect(flood.headers['content-type']).toContain('application/problem+json');

    await changeConversationStatus(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      conversation.id,
      'close',
    );
    const closed = await api(s.t.app, token, 'POST', `${one}/votes`, {
      participantId: person,
      statementId: statements[1]!.id,
      vote: 'pass',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json<{ code: string }>().code).toBe('conversation_closed');
    expect(
      (
        await api(s.t.app, token, 'POST', `${base()}/nope/votes`, {
          participantId: person,
          statementId: 'x',
          vote: 'agree',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('reads the stored results', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      {
        question: 'API results?',
        seeds: ['R one.', 'R two.', 'R three.', 'R four.'],
      },
    );
    const one = `${base()}/${conversation.id}`;
    for (let p = 0; p < 8; p++) {
      const person = idOf(await s.participant());
      for (const [i, st] of statements.entries())
        await api(s.t.app, s.staff.facilitator.token, 'POST', `${one}/votes`, {
          participantId: person,
          statementId: st.id,
          vote: i < 2 === p < 4 ? 'agree' : 'disagree',
        });
    }
    await settleAnalyses(s.t.db);
    const results = await api(s.t.app, s.staff.analyst.token, 'GET', `${one}/results`);
    expect(results.statusCode).toBe(200);
    const body = results.json<ResultsView>();
    expect(body.stale).toBe(false);
    expect(body.voters).toBe(8);
    expect(body.projection).toHaveLength(8);
    expect(body.groups.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(body)).not.toContain(s.org.id);
    const openapi = await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(openapi.body).toContain('/api/v1/initiatives/{id}/conversations/{conversationId}/results');
  });
});
