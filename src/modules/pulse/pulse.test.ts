// The experience pulse over real HTTP on both engines: invited after posting an idea, answered once
// without JavaScript, refused when switched off, anonymous after a kiosk survey, reported with
// small-cell suppression on the page and in the API, exported and erased with the participant.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api, FormClient } from '../../../test/support/http-client.js';
import { ideaInput } from '../../../test/support/idea-factory.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { buildDemographics, joinAsParticipant } from '../../../test/support/participant-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { recordDemographicAnswers } from '../participants/record-demographic-answers.js';
import type { MyDataExport } from '../participants/export-my-data.js';
import type { PulseReportSchema } from './pulse-api-view.js';

describe.each(engines)('experience pulse on %s', (engine) => {
  let s: InterviewsSetup;
  let board: string;
  let pulse: string;
  const pulses = async () =>
    Number(
      (
        await s.t.db
          .selectFrom('pulse_answers')
          .select(s.t.db.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** A new participant who posts an idea; returns their client and the idea page after posting. */
  async function postIdea(title: string) {
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    await person.get(`${board}/new`);
    const posted = await person.post(board, ideaInput({ title }));
    expect(posted.statusCode).toBe(303);
    const page = await person.get(String(posted.headers.location));
    return { person, page, ideaPath: String(posted.headers.location) };
  }

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    board = `/o/${s.org.slug}/i/${s.initiative.slug}/ideas`;
    pulse = `/o/${s.org.slug}/i/${s.initiative.slug}/pulse?activity=ideas:${s.initiative.id}`;
  });
  afterAll(async () => s.t.close());

  it('invites after posting an idea, takes one pulse, refuses a second and stops inviting', async () => {
    const { person, page, ideaPath } = await postIdea('Benches by the river');
    expect(page.body).toContain('Answer three questions about taking part');
    expect(page.body).toContain(
      `href="/o/${s.org.slug}/i/${s.initiative.slug}/pulse?activity=ideas%3A${s.initiative.id}"`,
    );

    const form = await person.get(pulse);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Did you feel heard?');
    expect(form.body).toContain('Was it easy to take part?');
    expect(form.body).toContain('Would you take part again?');
    expect(form.body).toContain('About: Idea board');

    // Nothing answered: the message sits beside the first question, nothing is stored.
    const empty = await person.post(pulse, { comment: 'Only words' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toMatch(/id="f-heard-error"[^>]*>Answer at least one of the three questions</);
    expect(empty.body).toContain('Only words');
    // Out of scale and overlong: each beside its field.
    const bad = await person.post(pulse, { heard: '9', comment: 'x'.repeat(1001) });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/id="f-heard-error"[^>]*>Must be between 1 and 5</);
    expect(bad.body).toMatch(/id="f-comment-error"[^>]*>Must be at most 1000 characters</);
    expect(await pulses()).toBe(0);

    const sent = await person.post(pulse, { heard: '4', again: '5', comment: 'Quick and clear' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(
      `/o/${s.org.slug}/i/${s.initiative.slug}/pulse/thanks?activity=ideas%3A${s.initiative.id}`,
    );
    const thanks = await person.get(String(sent.headers.location));
    expect(thanks.body).toContain('Thank you for your answers');
    const row = await s.t.db.selectFrom('pulse_answers').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      participant_id: idOf(person),
      activity_kind: 'ideas',
      activity_id: s.initiative.id,
      heard: 4,
      easy: null,
      again: 5,
      comment: 'Quick and clear',
    });

    const second = await person.post(pulse, { heard: '1' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('You already answered');
    expect(second.body).toContain('Each person answers the questions about an activity once');
    expect((await person.get(pulse)).body).toContain('You already answered');
    expect(await pulses()).toBe(1);
    expect((await person.get(ideaPath)).body).not.toContain('Answer three questions about taking part');
  });

  it('sends someone who has not joined to the join page and refuses an activity of another initiative', async () => {
    const visitor = new FormClient(s.t.app);
    const res = await visitor.get(pulse);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/o/${s.org.slug}/i/${s.initiative.slug}/join`);
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const base = `/o/${s.org.slug}/i/${s.initiative.slug}/pulse`;
    expect((await person.get(`${base}?activity=ideas:${s.otherInitiative.id}`)).statusCode).toBe(404);
    expect((await person.get(`${base}?activity=survey:no-such-survey`)).statusCode).toBe(404);
    expect((await person.get(`${base}?activity=nonsense`)).statusCode).toBe(404);
    await person.get(pulse);
    expect((await person.post(`${base}?activity=poll:x`, { heard: '3' })).statusCode).toBe(404);
  });

  it('neither invites nor accepts when staff switch the pulse off for idea boards', async () => {
    const settings = `/staff/initiatives/${s.initiative.id}/pulse/settings`;
    const staff = s.staff.facilitator.client;
    await staff.get(`/staff/initiatives/${s.initiative.id}/pulse`);
    const saved = await staff.post(settings, { 'enabled[]': ['survey', 'conversation', 'prototype'] });
    expect(saved.statusCode).toBe(303);
    const report = await staff.get(String(saved.headers.location));
    expect(report.body).toContain('The pulse settings were saved.');
    expect(report.body).not.toMatch(/id="f-enabled-ideas"[^>]*checked/);
    expect(report.body).toMatch(/id="f-enabled-survey"[^>]*checked/);

    const before = await pulses();
    const { person, page } = await postIdea('Shade on the square');
    expect(page.body).not.toContain('Answer three questions about taking part');
    const form = await person.get(pulse);
    expect(form.statusCode).toBe(409);
    expect(form.body).toContain('The organizers do not ask about this activity');
    const post = await person.post(pulse, { heard: '2' });
    expect(post.statusCode).toBe(409);
    expect(await pulses()).toBe(before);

    // Switched on again for the next tests.
    await staff.post(settings, { 'enabled[]': ['survey', 'ideas', 'conversation', 'prototype'] });
    expect((await person.get(pulse)).statusCode).toBe(200);
  });

  it('takes anonymous answers after a kiosk survey without a duplicate check', async () => {
    const { survey } = await buildSurvey(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      questions: [{ kind: 'short_text', textEn: 'Anything?' }],
    });
    const kiosk = `/o/${s.org.slug}/i/${s.initiative.slug}/pulse?activity=survey:${survey.id}&kiosk=k1`;
    const device = new FormClient(s.t.app);
    const before = await pulses();
    const form = await device.get(kiosk);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('About: Survey: Library survey');
    for (const heard of ['5', '3']) {
      const sent = await device.post(kiosk, { heard });
      expect(sent.statusCode).toBe(303);
      const thanks = await device.get(String(sent.headers.location));
      expect(thanks.body).toContain(`href="/o/${s.org.slug}/i/${s.initiative.slug}/s/${survey.id}/kiosk/k1"`);
    }
    expect(await pulses()).toBe(before + 2);
    const anonymous = await s.t.db
      .selectFrom('pulse_answers')
      .select(['participant_id', 'activity_kind'])
      .where('activity_id', '=', survey.id)
      .execute();
    expect(anonymous).toEqual([
      { participant_id: null, activity_kind: 'survey' },
      { participant_id: null, activity_kind: 'survey' },
    ]);
    // The kiosk path is for surveys only: an idea board still needs a participant.
    const notSurvey = await device.get(`${pulse}&kiosk=k1`);
    expect(notSurvey.statusCode).toBe(303);
  });

  it('reports per question, kind and segment with suppression below k, on the page and in the API', async () => {
    await s.t.db.updateTable('organizations').set({ small_cell_k: 3 }).where('id', '=', s.org.id).execute();
    await s.t.db.deleteFrom('pulse_answers').execute();
    const demo = await buildDemographics(s.t.db, s.org.id);
    const districts = ['north', 'north', 'north', 'south', 'south', null] as const;
    for (const [i, district] of districts.entries()) {
      const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
      if (district)
        await recordDemographicAnswers(s.t.db, s.org.id, idOf(person), {
          [demo.district.id]: demo.district.categories[district],
        });
      await person.get(pulse);
      const sent = await person.post(pulse, {
        heard: String(district === 'south' ? 1 : 5),
        easy: '4',
        comment: `${district ?? 'unknown'} voice ${i}${i === 1 ? ' <script>alert(1)</script>' : ''}`,
      });
      expect(sent.statusCode).toBe(303);
    }

    const page = await s.staff.analyst.client.get(
      `/staff/initiatives/${s.initiative.id}/pulse?by=${demo.district.id}`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Answers: 6');
    expect(page.body).toContain('role="img"');
    // Each shown activity kind has its own bars; a kind without answers has none.
    expect(page.body).toContain('Answers per point: Idea board');
    expect(page.body).toContain('id="chart-ideas-heard-title"');
    expect(page.body).not.toContain('Answers per point: Survey');
    expect(page.body).toContain('north voice 0');
    expect(page.body).toContain('north voice 1 &lt;script>alert(1)&lt;/script>');
    expect(page.body).not.toContain('<script>alert(1)');
    // South (2) and not answered (1) are below k = 3: no numbers, no free text.
    expect(page.body).toContain('fewer than 3');
    // Everyone's "heard": points 1 (2 people) and 5 (4, its complement) are drawn as the fixed hatched
    // track saying "fewer than 3", never with their length or count; the mean says why it is hidden.
    const start = page.body.indexOf('id="chart-heard-title"');
    const heardChart = page.body.slice(start, page.body.indexOf('</svg>', start));
    expect(heardChart.match(/class="bar-suppressed"/g)).toHaveLength(2);
    expect(heardChart.match(/class="bar"/g)).toHaveLength(3);
    expect(heardChart).toContain('fewer than 3');
    expect(heardChart).not.toMatch(/>\s*[24]\s*</);
    expect(page.body).toContain('Mean: not shown: it would reveal a point with fewer than 3');
    expect(page.body).toContain('By District');
    const report = await api(
      s.t.app,
      s.staff.analyst.token,
      'GET',
      `/api/v1/initiatives/${s.initiative.id}/pulse`,
    );
    expect(report.statusCode).toBe(200);
    const body = report.json<PulseReportSchema>();
    expect(body.k).toBe(3);
    expect(body.overall).toMatchObject({ suppressed: false, respondents: 6 });
    // Point 1 has 2 (< k) people, so it is null, and so is point 5 (4), or 6 - 4 would give it away;
    // the mean goes with them. Zero points show. "easy" has one point of 6 and shows everything.
    expect(body.overall.questions?.heard).toEqual({
      suppressed: false,
      k: 3,
      respondents: 6,
      counts: [null, 0, 0, 0, null],
      mean: { suppressed: true, k: 3 },
    });
    expect(body.overall.questions?.easy).toMatchObject({
      counts: [0, 0, 0, 6, 0],
      mean: { mean: 4, n: 6 },
    });
    expect(body.byKind.find((r) => r.kind === 'ideas')?.group.questions?.heard).toMatchObject({
      counts: [null, 0, 0, 0, null],
    });
    expect(body.overall.questions?.again).toEqual({ suppressed: true, k: 3 });
    const district = body.byAttribute.find((a) => a.attributeId === demo.district.id)!;
    expect(district.attributeKey).toBe('district');
    const seg = (key: string) => district.segments.find((x) => x.key === key)!.group;
    expect(seg(demo.district.categories.north)).toMatchObject({ suppressed: false, respondents: 3 });
    expect(seg(demo.district.categories.north).questions?.heard).toMatchObject({
      counts: [0, 0, 0, 0, 3],
      mean: { mean: 5, n: 3 },
    });
    expect(seg(demo.district.categories.south)).toEqual({ suppressed: true, k: 3 });
    expect(seg('not_answered')).toEqual({ suppressed: true, k: 3 });
    // Free text shows for everyone and for shown segments only.
    expect(body.overall.comments).toHaveLength(6);
    expect(page.body).toContain('Free text: North');
    expect(page.body).not.toContain('Free text: South');
    expect(page.body).not.toContain('Free text: Not answered');
    expect(body.byKind.find((r) => r.kind === 'ideas')?.group).toMatchObject({ respondents: 6 });
    expect(body.byKind.find((r) => r.kind === 'survey')?.group).toEqual({ suppressed: true, k: 3 });
    await s.t.db.updateTable('organizations').set({ small_cell_k: 5 }).where('id', '=', s.org.id).execute();

    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { get?: { tags?: string[] } }>;
    }>();
    expect(doc.paths['/api/v1/initiatives/{id}/pulse']?.get?.tags).toEqual(['pulse']);
    // The schema documents hidden points (null) and a hidden mean ({suppressed: true, k}).
    const operation = JSON.stringify(doc.paths['/api/v1/initiatives/{id}/pulse']?.get);
    expect(operation).toContain('null where fewer than k');
    expect(operation).toContain('hidden because a point is hidden');
    const foreign = await api(
      s.t.app,
      s.otherAdmin.token,
      'GET',
      `/api/v1/initiatives/${s.initiative.id}/pulse`,
    );
    expect(foreign.statusCode).toBe(404);
    expect(String(foreign.headers['content-type'])).toContain('application/problem+json');
  });

  it('exports a participant’s pulses with their data and erases them with it', async () => {
    const { person } = await postIdea('A quiet room');
    await person.get(pulse);
    await person.post(pulse, { easy: '2', comment: 'The form was long' });
    const data = (await person.get(`/o/${s.org.slug}/me/data.json`)).json<MyDataExport>();
    expect(data.pulses).toMatchObject([
      {
        activityKind: 'ideas',
        activityId: s.initiative.id,
        heard: null,
        easy: 2,
        comment: 'The form was long',
      },
    ]);
    const me = await person.get(`/o/${s.org.slug}/me`);
    expect(me.body).toContain('Your answers about taking part');
    expect(me.body).toContain('Idea board: Was it easy to take part? 2 – Hard');
    expect((await person.post(`/o/${s.org.slug}/me/erase`, { confirm: 'ERASE' })).statusCode).toBe(303);
    const left = await s.t.db
      .selectFrom('pulse_answers')
      .select('id')
      .where('participant_id', '=', idOf(person))
      .execute();
    expect(left).toHaveLength(0);
    expect(
      await s.t.db
        .selectFrom('pulse_answers')
        .select('id')
        .where('comment', '=', 'The form was long')
        .execute(),
    ).toHaveLength(0);
  });
});
