// What staff do with ideas: statuses with a public reason, merging duplicates, hiding with a reason.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { buildIdea, ideaInput } from '../../../test/support/idea-factory.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';

describe.each(engines)('moderating ideas on %s', (engine) => {
  let s: InterviewsSetup;
  let board: string;
  let staffBoard: string;

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    board = `/o/${s.org.slug}/i/${s.initiative.slug}/ideas`;
    staffBoard = `/staff/initiatives/${s.initiative.id}/ideas`;
  });
  afterAll(async () => s.t.close());

  /** A participant who joined, with an idea they posted through the page. */
  async function participantIdea(title: string): Promise<{ person: FormClient; id: string }> {
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    await person.get(`${board}/new`);
    const res = await person.post(board, ideaInput({ title }));
    expect(res.statusCode).toBe(303);
    return { person, id: String(res.headers.location).split('?')[0]!.split('/').pop()! };
  }

  it('needs a reason to turn an idea down, and shows the reason to everyone', async () => {
    const { id } = await participantIdea('Longer opening hours');
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(`${staffBoard}/${id}`);
    const without = await facilitator.post(`${staffBoard}/${id}/status`, {
      status: 'not_adopted',
      reason: '',
    });
    expect(without.statusCode).toBe(422);
    expect(without.body).toContain('id="f-st-reason-error"');
    expect(without.body).toContain('Give the reason');
    const row = await s.t.db
      .selectFrom('ideas')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('new');

    const done = await facilitator.post(`${staffBoard}/${id}/status`, {
      status: 'not_adopted',
      reason: 'The building closes at 18 by law.',
    });
    expect(done.statusCode).toBe(303);
    const publicPage = await new FormClient(s.t.app).get(`${board}/${id}`);
    expect(publicPage.body).toContain('Not adopted');
    expect(publicPage.body).toContain('The building closes at 18 by law.');
    const da = await s.t.app.inject({ method: 'GET', url: board, headers: { cookie: 'er_lang=da' } });
    expect(da.body).toContain('Ikke vedtaget');
  });

  it('merges a duplicate: comments and supporters move (each once), the duplicate points to the kept idea', async () => {
    const kept = await participantIdea('Bench at the bus stop');
    const dup = await participantIdea('Seats by the bus');
    const both = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    await both.get(`${board}/${kept.id}`);
    expect((await both.post(`${board}/${kept.id}/support`)).statusCode).toBe(303);
    expect((await both.post(`${board}/${dup.id}/support`)).statusCode).toBe(303);
    expect((await dup.person.post(`${board}/${dup.id}/support`)).statusCode).toBe(303);
    expect(
      (await dup.person.post(`${board}/${dup.id}/comments`, { body: 'Same as the bench idea.' })).statusCode,
    ).toBe(303);

    const admin = s.staff.admin.client;
    await admin.get(`${staffBoard}/${dup.id}`);
    const self = await admin.post(`${staffBoard}/${dup.id}/merge`, { targetId: dup.id });
    expect(self.statusCode).toBe(422);
    expect(self.body).toContain('cannot be merged into itself');
    const elsewhere = await buildInitiative(s.t.db, s.org.id, {
      open: true,
      staffId: s.staff.facilitator.id,
    });
    const foreign = await buildIdea(s.t.db, actorOf(s.staff.facilitator), elsewhere.id);
    const across = await admin.post(`${staffBoard}/${dup.id}/merge`, { targetId: foreign.id });
    expect(across.statusCode).toBe(422);
    expect(across.body).toContain('Only ideas of the same initiative can be merged.');

    const merged = await admin.post(`${staffBoard}/${dup.id}/merge`, { targetId: kept.id });
    expect(merged.statusCode).toBe(303);
    const supporters = await s.t.db
      .selectFrom('idea_supports')
      .select('idea_id')
      .where('idea_id', 'in', [kept.id, dup.id])
      .execute();
    expect(supporters.map((r) => r.idea_id)).toEqual([kept.id, kept.id]);
    const keptPage = await new FormClient(s.t.app).get(`${board}/${kept.id}`);
    expect(keptPage.body).toContain('Supporters: 2');
    expect(keptPage.body).toContain('Same as the bench idea.');
    const dupPage = await new FormClient(s.t.app).get(`${board}/${dup.id}`);
    expect(dupPage.body).toContain('This idea was merged with a similar one:');
    expect(dupPage.body).toContain(`href="${board}/${kept.id}"`);
    expect((await new FormClient(s.t.app).get(board)).body).not.toContain('Seats by the bus');
    // Already merged: it cannot be merged again, and nothing can be merged into it.
    expect((await admin.post(`${staffBoard}/${dup.id}/merge`, { targetId: kept.id })).statusCode).toBe(404);
    const third = await participantIdea('Bus shelter');
    const intoMerged = await admin.post(`${staffBoard}/${third.id}/merge`, { targetId: dup.id });
    expect(intoMerged.statusCode).toBe(422);
  });

  it('hides an idea with a reason its author sees; others no longer find it', async () => {
    const { person, id } = await participantIdea('Free parking for Ann Jensen at number 12');
    const facilitator = s.staff.facilitator.client;
    await facilitator.get(`${staffBoard}/${id}`);
    const empty = await facilitator.post(`${staffBoard}/${id}/hide`, { reason: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('id="f-hd-reason-error"');
    expect(
      (await facilitator.post(`${staffBoard}/${id}/hide`, { reason: 'It names a person.' })).statusCode,
    ).toBe(303);
    const own = await person.get(`${board}/${id}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('Hidden by a moderator: It names a person.');
    expect((await person.get(board)).body).toContain('It names a person.');
    const other = new FormClient(s.t.app);
    expect((await other.get(`${board}/${id}`)).statusCode).toBe(404);
    expect((await other.get(board)).body).not.toContain('Ann Jensen');
    // A hidden idea takes no support or comments.
    expect((await person.post(`${board}/${id}/support`)).statusCode).toBe(404);
    const staffPage = await facilitator.get(staffBoard);
    expect(staffPage.body).toContain('Ann Jensen');
    expect(staffPage.body).toContain('Hidden');
  });

  it('hides a comment with a reason shown to its author only', async () => {
    const { id } = await participantIdea('Water fountain');
    const commenter = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    await commenter.get(`${board}/${id}`);
    await commenter.post(`${board}/${id}/comments`, { body: 'Call me on 12 34 56 78' });
    const comment = await s.t.db
      .selectFrom('idea_comments')
      .select('id')
      .where('idea_id', '=', id)
      .executeTakeFirstOrThrow();
    const admin = s.staff.admin.client;
    await admin.get(`${staffBoard}/${id}`);
    const res = await admin.post(`${staffBoard}/${id}/comments/${comment.id}/hide`, {
      reason: 'Phone number',
    });
    expect(res.statusCode).toBe(303);
    expect((await commenter.get(`${board}/${id}`)).body).toContain('Hidden by a moderator: Phone number');
    expect((await new FormClient(s.t.app).get(`${board}/${id}`)).body).not.toContain('12 34 56 78');
  });

  it('lets staff post and support too, once each, and keeps analysts to reading', async () => {
    const frontline = s.staff.frontline.client;
    await frontline.get(`${staffBoard}/new`);
    const posted = await frontline.post(staffBoard, ideaInput({ title: 'Desk idea from the front line' }));
    expect(posted.statusCode).toBe(303);
    const path = String(posted.headers.location).split('?')[0]!;
    expect((await frontline.post(`${path}/support`)).statusCode).toBe(303);
    const again = await frontline.post(`${path}/support`);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Each person supports an idea once');
    const page = await new FormClient(s.t.app).get(`${board}/${path.split('/').pop()}`);
    expect(page.body).toContain('Posted by Staff');
    const analyst = s.staff.analyst.client;
    expect((await analyst.get(staffBoard)).body).toContain('Desk idea from the front line');
    expect((await analyst.get(`${staffBoard}/new`)).statusCode).toBe(403);
  });
});
