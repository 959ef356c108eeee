// Participants vote through a conversation (without and with JavaScript), add statements that wait in
// moderation, and are refused clearly for bad input, with nothing half-written.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation, SEED_STATEMENTS } from '../../../test/support/conversation-factory.js';
import { setUpConversations, type ConversationsSetup } from '../../../test/support/conversation-setup.js';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { changeConversationStatus } from './change-conversation-status.js';
import { FLOOD_LIMIT } from './submit-statement.js';

/** The statement on the card of a vote page. */
function cardStatement(body: string): { id: string; text: string } | undefined {
  const id = /name="statementId" value="([^"]+)"/.exec(body)?.[1];
  const text = /<span class="statement">([^<]*)<\/span>/.exec(body)?.[1];
  return id && text !== undefined ? { id, text } : undefined;
}

describe.each(engines)('voting and statements in conversations on %s', (engine) => {
  let s: ConversationsSetup;
  const path = (conversationId: string) => `/o/${s.org.slug}/i/${s.initiative.slug}/c/${conversationId}`;

  beforeAll(async () => {
    s = await setUpConversations(engine);
  });
  afterAll(async () => s.t.close());

  it('walks a participant through every statement once without JavaScript, then shows where they stand', async () => {
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id);
    const person = await s.participant();
    const initiativePage = await person.get(`/o/${s.org.slug}/i/${s.initiative.slug}`);
    expect(initiativePage.body).toContain(`href="${path(conversation.id)}"`);
    expect(initiativePage.body).toContain('Conversations you can join now');
    const seen: string[] = [];
    for (let i = 0; i < SEED_STATEMENTS.length; i++) {
      const page = await person.get(path(conversation.id));
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(`You have voted on ${i} of 4 statements.`);
      const card = cardStatement(page.body)!;
      expect(seen).not.toContain(card.text);
      seen.push(card.text);
      const vote = await person.post(`${path(conversation.id)}/vote`, {
        statementId: card.id,
        vote: i % 2 === 0 ? 'agree' : 'disagree',
      });
      expect(vote.statusCode).toBe(303);
      expect(vote.headers.location).toBe(path(conversation.id));
    }
    expect(seen.sort()).toEqual([...SEED_STATEMENTS].sort());
    const done = await person.get(path(conversation.id));
    expect(done.body).toContain('You have voted on every statement so far.');
    expect(done.body).toContain(`href="${path(conversation.id)}/map"`);
    expect(await s.count('conversation_votes')).toBeGreaterThanOrEqual(4);
  });

  it('answers a vote sent by the page script with the next card alone', async () => {
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      question: 'Fragments?',
      seeds: ['One statement.', 'Another statement.'],
    });
    const person = await s.participant();
    const first = cardStatement((await person.get(path(conversation.id))).body)!;
    const script = new FormClient(s.t.app, { 'x-fragment': 'card' });
    for (const [k, v] of person.cookies) script.cookies.set(k, v);
    script.csrf = person.csrf;
    const res = await script.post(`${path(conversation.id)}/vote`, { statementId: first.id, vote: 'pass' });
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('<section id="vote-card"')).toBe(true);
    expect(res.body).not.toContain('<html');
    const second = cardStatement(res.body)!;
    expect(second.id).not.toBe(first.id);
    expect(res.body).toContain('You have voted on 1 of 2 statements.');
  });

  it('keeps a participant’s statement in the moderation queue until a moderator approves it', async () => {
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      question: 'Moderated before?',
      seeds: ['A seed.'],
    });
    const person = await s.participant();
    await person.get(`${path(conversation.id)}/statements/new`);
    const added = await person.post(`${path(conversation.id)}/statements`, {
      body: 'Open the café   earlier ',
    });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`${path(conversation.id)}?notice=statementWaiting`);
    const page = await person.get(String(added.headers.location));
    expect(page.body).toContain('Your statement waits for a moderator');
    expect(page.body).toContain('Open the café earlier');

    // Another participant is not shown it while it waits.
    const other = await s.participant();
    const card = cardStatement((await other.get(path(conversation.id))).body)!;
    expect(card.text).toBe('A seed.');
    const statementId = (
      await s.t.db
        .selectFrom('conversation_statements')
        .select('id')
        .where('body', '=', 'Open the café earlier')
        .executeTakeFirstOrThrow()
    ).id;
    const early = await other.post(`${path(conversation.id)}/vote`, { statementId, vote: 'agree' });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('This statement cannot be voted on');

    const base = `/staff/initiatives/${s.initiative.id}/conversations/${conversation.id}`;
    const moderator = s.staff.facilitator.client;
    const queue = await moderator.get(base);
    expect(queue.body).toContain('Moderation queue (1 waiting)');
    expect(queue.body).toContain('Open the café earlier');
    // Hiding needs a reason.
    const noReason = await moderator.post(`${base}/statements/${statementId}/moderate`, {
      decision: 'hide',
      reason: '',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('Reason for hiding: Enter a value');
    const approved = await moderator.post(`${base}/statements/${statementId}/moderate`, {
      decision: 'approve',
    });
    expect(approved.statusCode).toBe(303);
    expect((await moderator.get(base)).body).toContain('No statements are waiting for moderation.');

    await other.post(`${path(conversation.id)}/vote`, { statementId: card.id, vote: 'agree' });
    const next = cardStatement((await other.get(path(conversation.id))).body)!;
    expect(next.text).toBe('Open the café earlier');
  });

  it('publishes at once when moderation comes after publication, and refuses votes once hidden', async () => {
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      question: 'Moderated after?',
      moderation: 'after',
      seeds: [],
    });
    const person = await s.participant();
    await person.get(`${path(conversation.id)}/statements/new`);
    const added = await person.post(`${path(conversation.id)}/statements`, { body: 'Buy more board games.' });
    expect(added.headers.location).toBe(`${path(conversation.id)}?notice=statementAdded`);
    const other = await s.participant();
    const card = cardStatement((await other.get(path(conversation.id))).body)!;
    expect(card.text).toBe('Buy more board games.');

    const base = `/staff/initiatives/${s.initiative.id}/conversations/${conversation.id}`;
    // Published at once, so it is hidden from the table of statements rather than the queue.
    const detail = await s.staff.admin.client.get(base);
    expect(detail.body).toContain('No statements are waiting for moderation.');
    expect(detail.body).toContain('aria-label="Hide statement 1"');
    const hidden = await s.staff.admin.client.post(`${base}/statements/${card.id}/moderate`, {
      decision: 'hide',
      reason: 'off_topic',
    });
    expect(hidden.statusCode).toBe(303);
    const votes = await s.count('conversation_votes');
    const refused = await other.post(`${path(conversation.id)}/vote`, {
      statementId: card.id,
      vote: 'agree',
    });
    expect(refused.statusCode).toBe(409);
    expect(await s.count('conversation_votes')).toBe(votes);
    const after = await s.staff.admin.client.get(base);
    expect(after.body).toContain('Hidden (Off topic)');
    expect(after.body).toContain('aria-label="Approve statement 1"');
  });

  it('refuses empty, overlong and duplicate statements beside the field, storing nothing', async () => {
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      question: 'Bad statements?',
      statementMaxLength: 40,
      seeds: ['Longer opening hours.'],
    });
    const person = await s.participant();
    await person.get(`${path(conversation.id)}/statements/new`);
    const before = await s.count('conversation_statements');
    const empty = await person.post(`${path(conversation.id)}/statements`, { body: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Statement: Enter a value');
    const long = await person.post(`${path(conversation.id)}/statements`, { body: 'x'.repeat(41) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Must be at most 40 characters');
    const duplicate = await person.post(`${path(conversation.id)}/statements`, {
      body: 'longer  OPENING hours',
    });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain('This statement is already in the conversation');
    const control = await person.post(`${path(conversation.id)}/statements`, { body: 'bad\u0000text' });
    expect(control.statusCode).toBe(422);
    expect(await s.count('conversation_statements')).toBe(before);
  });

  it('limits a flood of statements from one participant', async () => {
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      question: 'Flood?',
      seeds: [],
    });
    const person = await s.participant();
    await person.get(`${path(conversation.id)}/statements/new`);
    for (let i = 0; i < FLOOD_LIMIT; i++) {
      const ok = await person.post(`${path(conversation.id)}/statements`, { body: `Idea number ${i}` });
      expect(ok.statusCode).toBe(303);
    }
    const before = await s.count('conversation_statements');
    const flood = await person.post(`${path(conversation.id)}/statements`, { body: 'One idea too many' });
    expect(flood.statusCode).toBe(429);
    expect(flood.body).toContain('Too many attempts');
    expect(await s.count('conversation_statements')).toBe(before);
    // Someone else can still add theirs.
    const other = await s.participant();
    await other.get(`${path(conversation.id)}/statements/new`);
    expect(
      (await other.post(`${path(conversation.id)}/statements`, { body: 'My own idea' })).statusCode,
    ).toBe(303);
  });

  it('refuses unknown, draft and closed conversations and sends people without consent to join', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      { question: 'Closing soon?', seeds: ['Something to vote on.'] },
    );
    const draft = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      question: 'Draft?',
      seeds: ['Draft seed.'],
      open: false,
    });
    const person = await s.participant();
    expect((await person.get(path('no-such-conversation'))).statusCode).toBe(404);
    expect((await person.get(path(draft.conversation.id))).statusCode).toBe(404);
    const stranger = new FormClient(s.t.app);
    const gate = await stranger.get(path(conversation.id));
    expect(gate.statusCode).toBe(303);
    expect(gate.headers.location).toBe(`/o/${s.org.slug}/i/${s.initiative.slug}/join`);

    await person.get(path(conversation.id));
    await changeConversationStatus(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      conversation.id,
      'close',
    );
    const votes = await s.count('conversation_votes');
    const vote = await person.post(`${path(conversation.id)}/vote`, {
      statementId: statements[0]!.id,
      vote: 'agree',
    });
    expect(vote.statusCode).toBe(409);
    expect(vote.body).toContain('This conversation is not open');
    const statement = await person.post(`${path(conversation.id)}/statements`, { body: 'Too late' });
    expect(statement.statusCode).toBe(409);
    expect(await s.count('conversation_votes')).toBe(votes);
    expect((await person.get(path(conversation.id))).body).toContain('This conversation is closed.');
    const bad = await person.post(`${path(draft.conversation.id)}/vote`, { statementId: 'x', vote: 'agree' });
    expect(bad.statusCode).toBe(404);
  });

  it('speaks Danish to a participant who chose Danish', async () => {
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      question: 'Dansk?',
      seeds: ['Et udsagn.'],
    });
    const person = await s.participant();
    await person.get(`/lang/da?next=${encodeURIComponent(path(conversation.id))}`);
    const page = await person.get(path(conversation.id));
    expect(page.body).toContain('<html lang="da">');
    expect(page.body).toContain('Du har stemt om 0 af 1 udsagn.');
    expect(page.body).toContain('>Enig</button>');
    expect(page.body).toContain('Spring over / usikker');
    const map = await person.get(`${path(conversation.id)}/map`);
    expect(map.body).toContain('Stem om mindst 1 udsagn for at se, hvor du står.');
  });

  it('refuses a vote on an unknown statement or with a value other than agree, disagree or pass', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      {
        question: 'Odd votes?',
        seeds: ['Vote on me.'],
      },
    );
    const person = await s.participant();
    await person.get(path(conversation.id));
    const unknown = await person.post(`${path(conversation.id)}/vote`, {
      statementId: 'nope',
      vote: 'agree',
    });
    expect(unknown.statusCode).toBe(422);
    const odd = await person.post(`${path(conversation.id)}/vote`, {
      statementId: statements[0]!.id,
      vote: 'maybe',
    });
    expect(odd.statusCode).toBe(422);
    expect(
      Number(
        (
          await s.t.db
            .selectFrom('conversation_votes')
            .select(s.t.db.fn.countAll().as('n'))
            .where('conversation_id', '=', conversation.id)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(0);
  });
});
