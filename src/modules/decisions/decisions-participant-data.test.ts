// A linked input knows its contributor, and forgets them when they erase their data.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { ideaInput } from '../../../test/support/idea-factory.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { linkInput } from './link-input.js';
import { recordDecision } from './record-decision.js';

describe.each(engines)('decision links and participants’ own data on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('records the contributor of a linked idea and forgets them on erasure, keeping the link', async () => {
    const board = `/o/${s.org.slug}/i/${s.initiative.slug}/ideas`;
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, {
      email: 'said@example.org',
    });
    await person.get(`${board}/new`);
    expect((await person.post(board, ideaInput({ title: 'Later library hours' }))).statusCode).toBe(303);
    const idea = await s.t.db
      .selectFrom('ideas')
      .select('id')
      .where('title', '=', 'Later library hours')
      .executeTakeFirstOrThrow();
    const actor = actorOf(s.staff.facilitator);
    const decision = await recordDecision(s.t.db, actor, s.initiative.id, {
      title: 'Open until 21 on Thursdays',
      decidedBy: 'management',
      decidedOn: '2026-11-23',
      status: 'in_pilot',
    });
    const link = await linkInput(s.t.db, actor, s.initiative.id, decision.id, {
      inputKind: 'idea',
      inputId: idea.id,
    });
    const row = () =>
      s.t.db.selectFrom('decision_links').selectAll().where('id', '=', link.id).executeTakeFirstOrThrow();
    expect((await row()).participant_id).toBe(idOf(person));

    expect((await person.post(`/o/${s.org.slug}/me/erase`, { confirm: 'ERASE' })).statusCode).toBe(303);
    expect(await row()).toMatchObject({ participant_id: null, input_id: idea.id, decision_id: decision.id });
  });
});
