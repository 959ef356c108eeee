// The prototypes JSON API, and feedback in participants' own data.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api } from '../../../test/support/http-client.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { dayFromNow, prototypeInput } from '../../../test/support/prototype-factory.js';
import type { MyDataExport } from '../participants/export-my-data.js';
import type { FeedbackView, PrototypeView } from './prototype-view.js';

describe.each(engines)('prototypes API and own data on %s', (engine) => {
  let s: InterviewsSetup;
  let base: string;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
    base = `/api/v1/initiatives/${s.initiative.id}/prototypes`;
  });
  afterAll(async () => s.t.close());

  it('publishes, adds a version and reports rounds and feedback; refuses bad input with problem details', async () => {
    const noQuestions = await api(
      s.t.app,
      s.staff.admin.token,
      'POST',
      base,
      prototypeInput({ questions: [] }),
    );
    expect(noQuestions.statusCode).toBe(422);
    expect(noQuestions.headers['content-type']).toContain('application/problem+json');
    expect(noQuestions.json()).toMatchObject({ errors: [{ field: 'questions' }] });
    const past = await api(
      s.t.app,
      s.staff.admin.token,
      'POST',
      base,
      prototypeInput({ closesOn: '1999-12-31' }),
    );
    expect(past.json()).toMatchObject({
      status: 422,
      errors: [
        {
          field: 'closesOn',
          code: 'prototypes.closesInPast',
          detail: 'The round would already be over. Choose today or a later day.',
        },
      ],
    });
    expect(
      (await api(s.t.app, s.staff.admin.token, 'GET', base)).json<{ items: unknown[] }>().items,
    ).toHaveLength(0);
    expect((await api(s.t.app, s.staff.frontline.token, 'POST', base, prototypeInput())).statusCode).toBe(
      403,
    );

    const created = await api(s.t.app, s.staff.facilitator.token, 'POST', base, prototypeInput());
    expect(created.statusCode).toBe(201);
    const proto = created.json<PrototypeView>();
    expect(proto.versions).toHaveLength(1);
    expect(proto.versions[0]).toMatchObject({ number: 1, open: true });

    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const pub = `/o/${s.org.slug}/i/${s.initiative.slug}/prototypes/${proto.id}`;
    await person.get(pub);
    await person.post(`${pub}/feedback`, { works: 'The colours', rating: '4' });

    const v2 = await api(s.t.app, s.staff.facilitator.token, 'POST', `${base}/${proto.id}/versions`, {
      body: 'Second try',
      questions: ['Better?'],
      closesOn: dayFromNow(2),
    });
    expect(v2.json<PrototypeView>().versions.map((v) => v.number)).toEqual([1, 2]);
    const one = await api(s.t.app, s.staff.analyst.token, 'GET', `${base}/${proto.id}`);
    const rounds = one.json<{ rounds: { number: number; responses: number; meanRating: number | null }[] }>()
      .rounds;
    expect(rounds.map((r) => [r.number, r.responses, r.meanRating])).toEqual([
      [1, 1, 4],
      [2, 0, null],
    ]);
    const feedback = await api(s.t.app, s.staff.analyst.token, 'GET', `${base}/${proto.id}/feedback`);
    expect(feedback.json<{ items: FeedbackView[] }>().items.map((f) => f.works)).toEqual(['The colours']);
    expect((await api(s.t.app, s.otherAdmin.token, 'GET', `${base}/${proto.id}`)).statusCode).toBe(404);
  });

  it('exports a participant’s feedback; erasure unlinks it and keeps the feedback', async () => {
    const proto = (
      await api(s.t.app, s.staff.facilitator.token, 'POST', base, prototypeInput({ title: 'Kiosk' }))
    ).json<PrototypeView>();
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, {
      email: 'p@example.org',
    });
    const id = idOf(person);
    const pub = `/o/${s.org.slug}/i/${s.initiative.slug}/prototypes/${proto.id}`;
    await person.get(pub);
    expect((await person.post(`${pub}/feedback`, { missing: 'A chair', rating: '2' })).statusCode).toBe(303);
    const data = (await person.get(`/o/${s.org.slug}/me/data.json`)).json<MyDataExport>();
    expect(data.prototypeFeedback).toMatchObject([
      { prototype: 'Kiosk', version: 1, missing: 'A chair', rating: 2 },
    ]);
    expect((await person.get(`/o/${s.org.slug}/me`)).body).toContain('“Kiosk”, version 1: rated 2 of 5');
    expect((await person.post(`/o/${s.org.slug}/me/erase`, { confirm: 'ERASE' })).statusCode).toBe(303);
    expect(
      await s.t.db.selectFrom('prototype_feedback').select('id').where('participant_id', '=', id).execute(),
    ).toHaveLength(0);
    const left = await api(s.t.app, s.staff.analyst.token, 'GET', `${base}/${proto.id}/feedback`);
    expect(left.json<{ items: FeedbackView[] }>().items.map((f) => f.missing)).toEqual(['A chair']);
  });
});
