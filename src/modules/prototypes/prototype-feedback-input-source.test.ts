// Feedback on prototypes as an input source for decisions and the feedback loop, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { buildPrototype } from '../../../test/support/prototype-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { eraseMyData } from '../participants/erase-my-data.js';
import { giveFeedback } from './give-feedback.js';
import { giveGuestFeedback } from './guest-feedback.js';
import { prototypeFeedbackInputSource as source } from './prototype-feedback-input-source.js';

describe.each(engines)('prototype feedback input source on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('offers each piece of feedback with its words, searches, counts, and forgets the erased', async () => {
    const org = s.org.id;
    const facilitator = actorOf(s.staff.facilitator);
    const signs = await buildPrototype(s.t.db, facilitator, s.initiative.id);
    const app = await buildPrototype(s.t.db, facilitator, s.initiative.id, {
      title: 'Queue app',
      questions: ['Would you install it?'],
    });
    const [readable, add] = signs.versions[0]!.questions;
    await giveFeedback(s.t.db, org, s.initiative.slug, s.consentingId, signs.id, {
      works: 'Big LETTERS',
      doesNotWork: 'Too high "up" on the wall',
      missing: '',
      rating: 4,
      answers: { [add!.id]: 'Arrows to the desk, 100% needed', [readable!.id]: 'Yes' },
    });
    await giveGuestFeedback(s.t.db, org, s.initiative.id, app.id, 'm:guest-1', {
      works: '',
      doesNotWork: '',
      missing: 'A Danish version',
      rating: 2,
      answers: {},
    });
    const all = await source.search(s.t.db, org, s.initiative.id, '', 10);
    expect(all).toHaveLength(2);
    const mine = all.find((i) => i.participantId !== null);
    const guest = all.find((i) => i.participantId === null);
    expect(mine).toEqual({
      kind: 'prototype_feedback',
      id: mine!.id,
      initiativeId: s.initiative.id,
      participantId: s.consentingId,
      createdAt: mine!.createdAt,
      label: 'New signs in the waiting room (v1)',
      // The responder's own words, answers in question order.
      text: 'Big LETTERS\n\nToo high "up" on the wall\n\nYes\n\nArrows to the desk, 100% needed',
      href: `/staff/initiatives/${s.initiative.id}/prototypes/${signs.id}`,
    });
    expect(guest).toMatchObject({ participantId: null, label: 'Queue app (v1)', text: 'A Danish version' });

    const ids = async (query: string, limit = 10) =>
      (await source.search(s.t.db, org, s.initiative.id, query, limit)).map((i) => i.id);
    expect(await ids('big letters')).toEqual([mine!.id]);
    expect(await ids('"UP"')).toEqual([mine!.id]);
    expect(await ids('100%')).toEqual([mine!.id]);
    expect(await ids('1_0%')).toEqual([]);
    expect(await ids('danish')).toEqual([guest!.id]);
    expect(await ids('queue APP')).toEqual([guest!.id]);
    expect(await ids('', 1)).toHaveLength(1);
    // The questions are staff's words, not the feedback's, and their ids are nobody's words.
    expect(await ids('install')).toEqual([]);
    expect(await ids(add!.id.slice(0, 8))).toEqual([]);
    const otherOrg = s.otherInitiative.organizationId;
    expect(await source.search(s.t.db, otherOrg, s.initiative.id, '', 10)).toEqual([]);
    expect(await source.byIds(s.t.db, otherOrg, [mine!.id])).toEqual([]);
    expect((await source.byIds(s.t.db, org, [mine!.id, 'no-such-feedback'])).map((i) => i.id)).toEqual([
      mine!.id,
    ]);

    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({
      inputs: 2,
      contributors: [s.consentingId],
    });
    expect(await source.census(s.t.db, otherOrg, s.initiative.id)).toEqual({ inputs: 0, contributors: [] });
    expect(await source.ofParticipant(s.t.db, org, s.consentingId)).toEqual([mine]);
    expect(await source.lastActivity(s.t.db, org)).toEqual([
      { participantId: s.consentingId, at: mine!.createdAt },
    ]);

    await eraseMyData(s.t.db, org, s.consentingId, { confirm: 'ERASE' });
    expect((await source.byIds(s.t.db, org, [mine!.id]))[0]!.participantId).toBeNull();
    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({ inputs: 2, contributors: [] });
    expect(await source.ofParticipant(s.t.db, org, s.consentingId)).toEqual([]);
    expect(await source.lastActivity(s.t.db, org)).toEqual([]);
  });
});
