// Interviews (and observations, focus groups, workshop notes) as an input source, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { buildInterview } from '../../../test/support/interview-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { eraseMyData } from '../participants/erase-my-data.js';
import { interviewInputSource as source } from './interview-input-source.js';

describe.each(engines)('interview input source on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('searches quotes, notes and place, reads by id, counts, and forgets the erased participant', async () => {
    const org = s.org.id;
    const facilitator = actorOf(s.staff.facilitator);
    const withAnn = await buildInterview(s.t.db, facilitator, s.initiative.id, {
      heldOn: '2026-02-03',
      participantId: s.consentingId,
      quotes: [{ text: 'I felt FORGOTTEN.' }, { text: 'Half the chairs (50%) were broken.' }],
    });
    const workshop = await buildInterview(s.t.db, facilitator, s.initiative.id, {
      method: 'workshop',
      heldOn: '2026-03-04',
      place: 'Town hall',
      notes: [
        { heading: 'Ideas', text: 'A playground by the river.' },
        { heading: '', text: 'Benches.' },
      ],
      quotes: [],
      transcript: null,
    });
    const elsewhere = await buildInterview(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id);

    const ids = async (query: string, limit = 10) =>
      (await source.search(s.t.db, org, s.initiative.id, query, limit)).map((i) => i.id);
    expect(await ids('forgotten')).toEqual([withAnn.id]);
    expect(await ids('50%')).toEqual([withAnn.id]);
    expect(await ids('5_%')).toEqual([]);
    expect(await ids('PLAYGROUND')).toEqual([workshop.id]);
    expect(await ids('ideas')).toEqual([workshop.id]);
    expect(await ids('town HALL')).toEqual([workshop.id]);
    // Transcripts are not searched: the quotes and notes are what staff chose to keep.
    expect(await ids('nobody told us')).toEqual([]);
    expect(await ids('')).toEqual([workshop.id, withAnn.id]);
    expect(await ids('', 1)).toEqual([workshop.id]);
    const otherOrg = s.otherInitiative.organizationId;
    expect(await source.search(s.t.db, otherOrg, s.initiative.id, '', 10)).toEqual([]);
    expect(await source.byIds(s.t.db, otherOrg, [withAnn.id])).toEqual([]);
    expect(await source.byIds(s.t.db, org, [elsewhere.id])).toEqual([]);

    const byId = new Map(
      (await source.byIds(s.t.db, org, [withAnn.id, workshop.id, 'no-such-interview'])).map((i) => [i.id, i]),
    );
    expect(byId.size).toBe(2);
    expect(byId.get(withAnn.id)).toEqual({
      kind: 'interview',
      id: withAnn.id,
      initiativeId: s.initiative.id,
      participantId: s.consentingId,
      createdAt: withAnn.createdAt,
      label: '2026-02-03 · Outpatient clinic, waiting room',
      text: 'I felt FORGOTTEN.\n\nHalf the chairs (50%) were broken.',
      href: `/staff/initiatives/${s.initiative.id}/interviews/${withAnn.id}`,
    });
    // Without quotes, the notes are the text.
    expect(byId.get(workshop.id)).toMatchObject({
      participantId: null,
      label: '2026-03-04 · Town hall',
      text: 'Ideas: A playground by the river.\n\nBenches.',
    });

    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({
      inputs: 2,
      contributors: [s.consentingId],
    });
    expect((await source.ofParticipant(s.t.db, org, s.consentingId)).map((i) => i.id)).toEqual([withAnn.id]);
    expect(await source.lastActivity(s.t.db, org)).toEqual([
      { participantId: s.consentingId, at: '2026-02-03T00:00:00.000Z' },
    ]);
    expect(await source.lastActivity(s.t.db, otherOrg)).toEqual([]);

    await eraseMyData(s.t.db, org, s.consentingId, { confirm: 'ERASE' });
    expect((await source.byIds(s.t.db, org, [withAnn.id]))[0]!.participantId).toBeNull();
    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({ inputs: 2, contributors: [] });
    expect(await source.ofParticipant(s.t.db, org, s.consentingId)).toEqual([]);
    expect(await source.lastActivity(s.t.db, org)).toEqual([]);
  });
});
