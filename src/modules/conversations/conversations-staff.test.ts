// Staff create, edit, open and close conversations, seed statements, and are refused clearly.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { setUpConversations, type ConversationsSetup } from '../../../test/support/conversation-setup.js';
import { engines } from '../../../test/support/databases.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { changeInitiativeStatus } from '../initiatives/change-initiative-status.js';

describe.each(engines)('conversations for staff on %s', (engine) => {
  let s: ConversationsSetup;
  const list = () => `/staff/initiatives/${s.initiative.id}/conversations`;

  beforeAll(async () => {
    s = await setUpConversations(engine);
  });
  afterAll(async () => s.t.close());

  it('creates a draft, edits it, seeds it, opens and closes it', async () => {
    const staff = s.staff.facilitator.client;
    const form = await staff.get(`${list()}/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="140"');
    const created = await staff.post(list(), {
      question: 'What should the new square have?',
      topic: 'The old car park becomes a square.',
      statementMaxLength: '120',
      moderation: 'after',
    });
    expect(created.statusCode).toBe(303);
    const base = String(created.headers.location).split('?')[0]!;
    const detail = await staff.get(String(created.headers.location));
    expect(detail.body).toContain('The conversation was created.');
    expect(detail.body).toContain('After publication: new statements are shown at once');
    expect(detail.body).toContain('Draft');

    await staff.get(`${base}/edit`);
    const edited = await staff.post(base, {
      question: 'What should the new town square have?',
      topic: '',
      statementMaxLength: '140',
      moderation: 'before',
    });
    expect(edited.statusCode).toBe(303);
    const seeded = await staff.post(`${base}/statements`, { body: 'Trees and benches.' });
    expect(seeded.statusCode).toBe(303);
    const duplicate = await staff.post(`${base}/statements`, { body: 'trees and benches' });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.body).toContain('Seed statement: This statement is already in the conversation');

    expect((await staff.post(`${base}/open`)).headers.location).toBe(`${base}?notice=opened`);
    const open = await staff.get(base);
    expect(open.body).toContain('What should the new town square have?');
    expect(open.body).toContain('Participant link');
    expect(open.body).toContain('Trees and benches.');
    expect((await staff.post(`${base}/close`)).statusCode).toBe(303);
    const again = await staff.post(`${base}/close`);
    expect(again.statusCode).toBe(409);
    expect((await staff.get(list())).body).toContain('Closed');
  });

  it('shows the form again with messages for a missing question or a limit out of range, storing nothing', async () => {
    const staff = s.staff.admin.client;
    await staff.get(`${list()}/new`);
    const before = await s.count('conversations');
    const res = await staff.post(list(), { question: '', statementMaxLength: '5', moderation: 'sometimes' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Question or topic: Enter a value');
    expect(res.body).toContain('Longest statement (characters): Must be between 20 and 1000');
    expect(await s.count('conversations')).toBe(before);
  });

  it('lets analysts and front-line staff read but not manage or moderate', async () => {
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id);
    const base = `${list()}/${conversation.id}`;
    const analyst = s.staff.analyst.client;
    expect((await analyst.get(base)).statusCode).toBe(200);
    expect((await analyst.get(base)).body).not.toContain('Add seed statement');
    expect((await analyst.post(`${base}/close`)).statusCode).toBe(403);
    expect((await s.staff.frontline.client.post(`${base}/statements`, { body: 'Nope' })).statusCode).toBe(
      403,
    );
    expect((await s.otherAdmin.client.get(base)).statusCode).toBe(404);
  });

  it('keeps conversations of an archived initiative read-only', async () => {
    const initiative = await buildInitiative(s.t.db, s.org.id, {
      open: true,
      staffId: s.staff.facilitator.id,
    });
    const { conversation } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), initiative.id);
    const admin = actorOf(s.staff.admin);
    await changeInitiativeStatus(s.t.db, admin, initiative.id, 'close');
    await changeInitiativeStatus(s.t.db, admin, initiative.id, 'archive');
    const base = `/staff/initiatives/${initiative.id}/conversations/${conversation.id}`;
    const page = await s.staff.admin.client.get(base);
    expect(page.body).not.toContain('Add seed statement');
    const res = await s.staff.admin.client.post(`${base}/statements`, { body: 'Too late' });
    expect(res.statusCode).toBe(409);
  });
});
