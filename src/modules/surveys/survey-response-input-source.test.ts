// Completed survey responses as an input source for decisions and the feedback loop, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import {
  answerAsParticipant,
  submitAnonymousResponse,
} from '../../../test/support/survey-response-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { eraseMyData } from '../participants/erase-my-data.js';
import { QUARANTINED } from './surveys.table.js';
import { surveyResponseInputSource as source } from './survey-response-input-source.js';

describe.each(engines)('survey response input source on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('offers completed responses only, searches their free text and title, counts and forgets the erased', async () => {
    const org = s.org.id;
    const facilitator = actorOf(s.staff.facilitator);
    const library = await buildSurvey(s.t.db, facilitator, s.initiative.id, {
      questions: [
        { kind: 'single_choice', textEn: 'How often do you come?', options: 'Often\nRarely' },
        { kind: 'short_text', textEn: 'What should change?' },
        { kind: 'long_text', textEn: 'Anything else?' },
      ],
    });
    const parking = await buildSurvey(s.t.db, facilitator, s.initiative.id, {
      settings: { titleEn: 'Parking survey', titleDa: 'Parkering' },
      questions: [{ kind: 'short_text', textEn: 'Where do you park?' }],
    });
    const [choice, short, long] = library.questions.map((q) => q.id);
    const often = library.questions[0]!.options[0]!.id;
    const other = idOf(await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug));

    const mine = await answerAsParticipant(
      s.t.db,
      org,
      s.initiative.slug,
      library.survey.id,
      s.consentingId,
      {
        [choice!]: often,
        [short!]: `Open 50% longer; I said "${often}" above`,
        [long!]: 'The café is too LOUD\nin the afternoon.',
      },
    );
    // Newer responses that pick the same option: their stored answers hold the option id, not in free text.
    for (let i = 0; i < 5; i++)
      await submitAnonymousResponse(s.t.db, facilitator, library.survey.id, {
        [choice!]: often,
        [short!]: `Anonymous wish ${i}`,
      });
    const theirs = await answerAsParticipant(s.t.db, org, s.initiative.slug, parking.survey.id, other, {
      [parking.questions[0]!.id]: 'By the station',
    });
    const draft = await answerAsParticipant(
      s.t.db,
      org,
      s.initiative.slug,
      library.survey.id,
      other,
      { [short!]: 'Half-written thoughts' },
      'save',
    );
    const poisoned = await submitAnonymousResponse(s.t.db, facilitator, library.survey.id, {
      [short!]: 'Unreadable words',
    });
    await s.t.db
      .updateTable('survey_responses')
      .set({ tallied: QUARANTINED })
      .where('id', '=', poisoned)
      .execute();

    const ids = async (query: string, limit = 20) =>
      (await source.search(s.t.db, org, s.initiative.id, query, limit)).map((i) => i.id);
    // Case-insensitive, across short and long text, LIKE wildcards and quotes taken literally.
    expect(await ids('too loud')).toEqual([mine]);
    expect(await ids('50%')).toEqual([mine]);
    expect(await ids('5_%')).toEqual([]);
    expect(await ids(`"${often}"`)).toEqual([mine]);
    // The option id is in five newer responses' stored answers, but only this one's words hold it.
    expect(await ids(often, 1)).toEqual([mine]);
    // A question id is not text anyone wrote.
    expect(await ids(short!)).toEqual([]);
    // The survey title matches all its responses.
    expect(await ids('PARKING')).toEqual([theirs]);
    // Drafts and quarantined responses are not input.
    expect(await ids('half-written')).toEqual([]);
    expect(await ids('unreadable')).toEqual([]);
    const all = await source.search(s.t.db, org, s.initiative.id, '', 20);
    expect(all).toHaveLength(7);
    expect(new Set(all.map((i) => i.id))).toEqual(new Set([mine, theirs, ...(await ids('anonymous wish'))]));
    expect([...all.map((i) => i.createdAt)].sort().reverse()).toEqual(all.map((i) => i.createdAt));
    expect(await source.search(s.t.db, org, s.initiative.id, '', 3)).toHaveLength(3);
    // Another organization sees nothing.
    const otherOrg = s.otherInitiative.organizationId;
    expect(await source.search(s.t.db, otherOrg, s.initiative.id, '', 10)).toEqual([]);
    expect(await source.byIds(s.t.db, otherOrg, [mine])).toEqual([]);

    const read = await source.byIds(s.t.db, org, [mine, 'no-such-response', draft, poisoned]);
    expect(read).toHaveLength(1);
    const item = read[0]!;
    expect(item).toEqual({
      kind: 'survey_response',
      id: mine,
      initiativeId: s.initiative.id,
      participantId: s.consentingId,
      createdAt: item.createdAt,
      label: `Library survey · ${item.createdAt.slice(0, 10)}`,
      text: `Open 50% longer; I said "${often}" above\n\nThe café is too LOUD\nin the afternoon.`,
      href: `/staff/surveys/${library.survey.id}/results`,
    });
    expect(item.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const census = await source.census(s.t.db, org, s.initiative.id);
    expect(census.inputs).toBe(7);
    expect(census.contributors.sort()).toEqual([s.consentingId, other].sort());
    expect(await source.census(s.t.db, otherOrg, s.initiative.id)).toEqual({ inputs: 0, contributors: [] });
    expect((await source.ofParticipant(s.t.db, org, s.consentingId)).map((i) => i.id)).toEqual([mine]);
    expect((await source.ofParticipant(s.t.db, org, other)).map((i) => i.id)).toEqual([theirs]);

    // Starting a response is taking part: the other participant's latest activity is their draft.
    const activity = new Map(
      (await source.lastActivity(s.t.db, org)).map((a) => [a.participantId, a.at] as const),
    );
    expect([...activity.keys()].sort()).toEqual([s.consentingId, other].sort());
    const draftRow = await s.t.db
      .selectFrom('survey_responses')
      .select('updated_at')
      .where('id', '=', draft)
      .executeTakeFirstOrThrow();
    expect(activity.get(other)).toBe(draftRow.updated_at);
    expect(await source.lastActivity(s.t.db, otherOrg)).toEqual([]);

    // After erasure the response stays as anonymous input.
    await eraseMyData(s.t.db, org, s.consentingId, { confirm: 'ERASE' });
    expect((await source.byIds(s.t.db, org, [mine]))[0]!.participantId).toBeNull();
    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({ inputs: 7, contributors: [other] });
    expect(await source.ofParticipant(s.t.db, org, s.consentingId)).toEqual([]);
  });
});
