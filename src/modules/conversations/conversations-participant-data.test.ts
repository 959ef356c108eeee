// A participant's statements and votes in their "My data" page and download; erasure unlinks them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { setUpConversations, type ConversationsSetup } from '../../../test/support/conversation-setup.js';
import { engines } from '../../../test/support/databases.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { PARTICIPANT_COOKIE } from '../participants/participant-cookie.js';
import type { MyDataExport } from '../participants/export-my-data.js';

describe.each(engines)('conversations in participants’ own data on %s', (engine) => {
  let s: ConversationsSetup;

  beforeAll(async () => {
    s = await setUpConversations(engine);
  });
  afterAll(async () => s.t.close());

  it('exports a participant’s statements and votes, and erasure unlinks them but keeps the input', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      {
        seeds: ['Seed one.', 'Seed two.'],
      },
    );
    const path = `/o/${s.org.slug}/i/${s.initiative.slug}/c/${conversation.id}`;
    const person = await s.participant();
    const id = (person.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0]!;
    await person.get(path);
    await person.post(`${path}/vote`, { statementId: statements[0]!.id, vote: 'agree' });
    await person.post(`${path}/vote`, { statementId: statements[1]!.id, vote: 'pass' });
    await person.post(`${path}/statements`, { body: 'My very own statement' });
    const other = await s.participant();
    await other.get(path);
    await other.post(`${path}/vote`, { statementId: statements[0]!.id, vote: 'disagree' });

    const data = (await person.get(`/o/${s.org.slug}/me/data.json`)).json<MyDataExport>();
    expect(data.conversationStatements).toEqual([
      expect.objectContaining({
        conversation: conversation.question,
        body: 'My very own statement',
        status: 'pending',
      }),
    ]);
    expect(data.conversationVotes.map((v) => [v.statement, v.vote])).toEqual([
      ['Seed one.', 'agree'],
      ['Seed two.', 'pass'],
    ]);
    const me = await person.get(`/o/${s.org.slug}/me`);
    expect(me.body).toContain('Your statements and votes in conversations');
    expect(me.body).toContain('You wrote “My very own statement” (Waiting for moderation)');
    expect(me.body).toContain(`2 votes in “${conversation.question}”`);

    expect((await person.post(`/o/${s.org.slug}/me/erase`, { confirm: 'ERASE' })).statusCode).toBe(303);
    const votes = await s.t.db
      .selectFrom('conversation_votes')
      .selectAll()
      .where('conversation_id', '=', conversation.id)
      .execute();
    expect(votes).toHaveLength(3);
    expect(votes.filter((v) => v.participant_id === id || v.voter_key === id)).toEqual([]);
    const statement = await s.t.db
      .selectFrom('conversation_statements')
      .selectAll()
      .where('body', '=', 'My very own statement')
      .executeTakeFirstOrThrow();
    expect(statement.author_participant_id).toBeNull();
    // The other participant's data is untouched.
    const theirs = (await other.get(`/o/${s.org.slug}/me/data.json`)).json<MyDataExport>();
    expect(theirs.conversationVotes).toHaveLength(1);
  });
});
