// Ideas as an input source for decisions and the feedback loop, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { buildIdea } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { ideaInputSource as source } from './idea-input-source.js';
import { postParticipantIdea } from './post-idea.js';
import { supportAsParticipant } from './support-idea.js';
import { mergeIdeas } from './merge-ideas.js';

describe.each(engines)('idea input source on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('searches, reads by id, counts, lists a participant’s ideas and their latest activity', async () => {
    const org = s.org.id;
    const staffIdea = await buildIdea(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      title: 'Cut waiting by 50% at the desk',
    });
    const mine = await postParticipantIdea(s.t.db, org, s.initiative.slug, s.consentingId, {
      title: 'Longer opening hours',
      description: 'Open until eight on Thursdays.',
      problem: 'People who work cannot come.',
    });
    const duplicate = await postParticipantIdea(s.t.db, org, s.initiative.slug, s.consentingId, {
      title: 'Open later on Thursdays',
      description: 'Same as the other one.',
      problem: 'Same problem.',
    });
    await mergeIdeas(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, duplicate.id, {
      targetId: mine.id,
    });
    await supportAsParticipant(s.t.db, org, s.initiative.slug, s.consentingId, staffIdea.id);
    // Ideas posted within one millisecond would tie on the clock: give them distinct ages.
    await s.t.db
      .updateTable('ideas')
      .set({ created_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', staffIdea.id)
      .execute();
    await s.t.db
      .updateTable('ideas')
      .set({ created_at: '2026-02-01T00:00:00.000Z' })
      .where('id', '=', mine.id)
      .execute();

    // A search is case-insensitive, looks in the description and problem too, and treats % literally.
    expect((await source.search(s.t.db, org, s.initiative.id, 'THURSDAYS', 10)).map((i) => i.id)).toEqual([
      mine.id,
    ]);
    expect((await source.search(s.t.db, org, s.initiative.id, 'who work', 10)).map((i) => i.id)).toEqual([
      mine.id,
    ]);
    expect((await source.search(s.t.db, org, s.initiative.id, '50%', 10)).map((i) => i.id)).toEqual([
      staffIdea.id,
    ]);
    expect(await source.search(s.t.db, org, s.initiative.id, '5_%', 10)).toEqual([]);
    // Merged duplicates are not separate input; the limit holds; newest first.
    expect((await source.search(s.t.db, org, s.initiative.id, '', 10)).map((i) => i.id)).toEqual([
      mine.id,
      staffIdea.id,
    ]);
    expect(await source.search(s.t.db, org, s.initiative.id, '', 1)).toHaveLength(1);
    // Another organization sees nothing of it.
    expect(await source.search(s.t.db, s.otherInitiative.organizationId, s.initiative.id, '', 10)).toEqual(
      [],
    );
    expect(await source.byIds(s.t.db, s.otherInitiative.organizationId, [mine.id])).toEqual([]);

    const [item] = await source.byIds(s.t.db, org, [mine.id, 'no-such-idea']);
    expect(item).toEqual({
      kind: 'idea',
      id: mine.id,
      initiativeId: s.initiative.id,
      participantId: s.consentingId,
      createdAt: '2026-02-01T00:00:00.000Z',
      label: 'Longer opening hours',
      text: 'Open until eight on Thursdays.\n\nPeople who work cannot come.',
      href: `/staff/initiatives/${s.initiative.id}/ideas/${mine.id}`,
    });
    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({
      inputs: 2,
      contributors: [s.consentingId],
    });
    expect((await source.ofParticipant(s.t.db, org, s.consentingId)).map((i) => i.id)).toEqual([
      mine.id,
      duplicate.id,
    ]);
    const [activity] = await source.lastActivity(s.t.db, org);
    expect(activity!.participantId).toBe(s.consentingId);
    // The support came last.
    const supportedAt = (
      await s.t.db
        .selectFrom('idea_supports')
        .select('created_at')
        .where('participant_id', '=', s.consentingId)
        .executeTakeFirstOrThrow()
    ).created_at;
    expect(activity!.at).toBe(supportedAt);
  });
});
