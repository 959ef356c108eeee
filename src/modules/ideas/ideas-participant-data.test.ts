// Ideas, comments and supports in participants' own data: export and erasure.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { ideaInput } from '../../../test/support/idea-factory.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import type { MyDataExport } from '../participants/export-my-data.js';

describe.each(engines)('ideas in participants’ own data on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('exports a participant’s ideas, comments and supports; erasure unlinks them and keeps the input', async () => {
    const board = `/o/${s.org.slug}/i/${s.initiative.slug}/ideas`;
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, {
      email: 'idea@example.org',
    });
    const id = idOf(person);
    await person.get(`${board}/new`);
    const posted = await person.post(board, ideaInput({ title: 'Night bus' }));
    const path = String(posted.headers.location).split('?')[0]!;
    await person.post(`${path}/support`);
    await person.post(`${path}/comments`, { body: 'Especially on Fridays.' });

    const data = (await person.get(`/o/${s.org.slug}/me/data.json`)).json<MyDataExport>();
    expect(data.ideas.ideas).toMatchObject([
      { title: 'Night bus', status: 'new', problem: ideaInput().problem },
    ]);
    expect(data.ideas.comments).toMatchObject([{ body: 'Especially on Fridays.', ideaTitle: 'Night bus' }]);
    expect(data.ideas.supports).toMatchObject([{ ideaTitle: 'Night bus' }]);
    const me = await person.get(`/o/${s.org.slug}/me`);
    expect(me.body).toContain('Your idea “Night bus” (New)');
    expect(me.body).toContain('A comment on “Night bus”');

    expect((await person.post(`/o/${s.org.slug}/me/erase`, { confirm: 'ERASE' })).statusCode).toBe(303);
    const idea = await s.t.db
      .selectFrom('ideas')
      .selectAll()
      .where('title', '=', 'Night bus')
      .executeTakeFirstOrThrow();
    expect(idea.participant_id).toBeNull();
    const linked = await s.t.db
      .selectFrom('idea_supports')
      .select('id')
      .where('participant_id', '=', id)
      .execute();
    expect(linked).toHaveLength(0);
    const page = await new FormClient(s.t.app).get(path);
    expect(page.body).toContain('Posted by Erased participant');
    expect(page.body).toContain('Supporters: 1');
    expect(page.body).toContain('Especially on Fridays.');
  });
});
