import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import {
  buildDemographics,
  joinAsParticipant,
  type BuiltDemographics,
} from '../../../test/support/participant-factory.js';
import {
  actorOf,
  buildOrganization,
  buildStaff,
  signIn,
  type BuiltStaff,
} from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import type { Organization } from '../organizations/get-organization.js';
import type { StaffActor } from '../../platform/actor.js';
import { addQuestion } from './edit-survey-questions.js';
import { publishSurvey } from './publish-survey.js';
import { catchUpSurveyTallies } from './survey-tallies.js';

describe.each(engines)('surveys on %s', (engine) => {
  let t: TestApp;
  let org: Organization;
  let facilitator: BuiltStaff;
  let actor: StaffActor;
  let demographics: BuiltDemographics;

  const count = async (table: 'survey_responses' | 'survey_versions' | 'survey_tallies') =>
    Number((await t.db.selectFrom(table).select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await buildOrganization(t.db);
    demographics = await buildDemographics(t.db, org.id);
    facilitator = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
    actor = actorOf(facilitator);
  });
  afterAll(async () => t.close());

  it('builds a survey in the browser forms: field messages, publishing refused until it can be answered', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    const base = `/staff/initiatives/${initiative.id}/surveys`;
    const refused = await staff.submit(`${base}/new`, base, { titleEn: '' });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="f-titleEn-error"');

    const created = await staff.submit(`${base}/new`, base, {
      titleEn: 'Opening hours',
      layout: 'one_per_page',
    });
    expect(created.statusCode).toBe(303);
    const surveyPath = created.headers.location!.split('?')[0]!;
    const surveyId = surveyPath.split('/').at(-1)!;

    const noQuestions = await staff.submit(surveyPath, `${surveyPath}/publish`, {});
    expect(noQuestions.statusCode).toBe(422);
    expect(noQuestions.body).toContain('Add at least one question before publishing');

    const likert = await staff.submit(surveyPath, `${surveyPath}/questions`, {
      kind: 'likert',
      textEn: 'The opening hours suit me',
      options: 'Disagree | Uenig\nAgree | Enig',
    });
    expect(likert.statusCode).toBe(422);
    expect(likert.body).toContain('A Likert scale has 5 or 7 labelled points');
    expect(likert.body).toContain('The opening hours suit me');

    const added = await staff.submit(surveyPath, `${surveyPath}/questions`, {
      kind: 'single_choice',
      textEn: 'When do you visit?',
      textDa: 'Hvornår kommer du?',
      required: 'true',
      options: 'Mornings | Formiddag\nEvenings | Aften',
    });
    expect(added.statusCode).toBe(303);
    const published = await staff.submit(surveyPath, `${surveyPath}/publish`, {});
    expect(published.statusCode).toBe(303);
    const survey = await t.db
      .selectFrom('surveys')
      .selectAll()
      .where('id', '=', surveyId)
      .executeTakeFirstOrThrow();
    expect(survey.status).toBe('published');
    expect(await count('survey_versions')).toBeGreaterThanOrEqual(1);
    const page = await staff.get(surveyPath);
    expect(page.body).toContain('Version 1 is live with 0 responses.');
    expect(page.body).toContain(`/o/${org.slug}/i/${initiative.slug}/s/${surveyId}`);
    // The initiative's public page offers it, and its staff page links to the surveys.
    const publicPage = await new FormClient(t.app).get(`/o/${org.slug}/i/${initiative.slug}`);
    expect(publicPage.body).toContain('Surveys you can answer now');
    expect(publicPage.body).toContain(`href="/o/${org.slug}/i/${initiative.slug}/s/${surveyId}"`);
    expect((await staff.get(`/staff/initiatives/${initiative.id}`)).body).toContain(`${base}"`);
  });

  it('takes a participant through one question per page: required answers, conditions, saving and resuming', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const first = await buildSurvey(t.db, actor, initiative.id, {
      settings: { layout: 'one_per_page' },
      questions: [
        { kind: 'single_choice', textEn: 'Do you use the library?', required: true, options: 'Yes\nNo' },
      ],
      draft: true,
    });
    const [used] = first.questions;
    const survey = first.survey;
    const why = await addQuestion(t.db, actor, survey.id, {
      kind: 'long_text',
      textEn: 'Why not?',
      required: true,
      condition: [`${used!.id}:${used!.options[1]!.id}`],
    });
    const age = await addQuestion(t.db, actor, survey.id, {
      kind: 'demographic',
      textEn: 'Your age',
      attributeId: demographics.ageBand.id,
    });
    const nps = await addQuestion(t.db, actor, survey.id, {
      kind: 'nps',
      textEn: 'Recommend us?',
      required: true,
    });
    await publishSurvey(t.db, actor, survey.id);

    const path = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
    const stranger = new FormClient(t.app);
    const gate = await stranger.get(path);
    expect(gate.statusCode).toBe(303);
    expect(gate.headers.location).toBe(`/o/${org.slug}/i/${initiative.slug}/join`);

    const participant = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const page0 = await participant.get(path);
    expect(page0.statusCode).toBe(200);
    expect(page0.body).toContain('Do you use the library?');
    expect(page0.body).toContain('Question 1 of 4');
    expect(page0.body).not.toContain('Recommend us?');

    const missing = await participant.submit(path, path, { page: '0', action: 'next' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain(`id="q_${used!.id}-error"`);
    expect(missing.body).toContain('Answer this question to continue');
    expect(await count('survey_responses')).toBe(0);

    // "Yes" skips the conditional "Why not?" page.
    const next = await participant.submit(path, path, {
      page: '0',
      action: 'next',
      [`q_${used!.id}`]: used!.options[0]!.id,
    });
    expect(next.statusCode).toBe(303);
    expect(next.headers.location).toBe(`${path}?page=2`);
    const saved = await participant.submit(`${path}?page=2`, path, {
      page: '2',
      action: 'save',
      [`q_${age.id}`]: demographics.ageBand.categories.under_30,
    });
    expect(saved.headers.location).toBe(`${path}?page=2&notice=saved`);

    // Coming back later resumes where they left off, with their answer.
    const resumed = await participant.get(path);
    expect(resumed.body).toContain('Your age');
    expect(resumed.body).toMatch(
      new RegExp(`value="${demographics.ageBand.categories.under_30}"\\s+checked`),
    );

    const outOfRange = await participant.submit(path, path, {
      page: '3',
      action: 'submit',
      [`q_${nps.id}`]: '11',
    });
    expect(outOfRange.statusCode).toBe(422);
    const done = await participant.submit(path, path, { page: '3', action: 'submit', [`q_${nps.id}`]: '9' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${path}/done`);

    const response = await t.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .executeTakeFirstOrThrow();
    expect(response.status).toBe('completed');
    expect(JSON.parse(response.answers)).toEqual({
      [used!.id]: used!.options[0]!.id,
      [age.id]: demographics.ageBand.categories.under_30,
      [nps.id]: 9,
    });
    expect(JSON.parse(response.segments)).toEqual({
      [demographics.ageBand.id]: demographics.ageBand.categories.under_30,
    });
    expect(why).toBeDefined();
    // The demographic answer updated the participant's profile.
    const profile = await t.db
      .selectFrom('participant_demographics')
      .selectAll()
      .where('participant_id', '=', response.participant_id!)
      .execute();
    expect(profile.map((p) => p.category_id)).toEqual([demographics.ageBand.categories.under_30]);
    // Tallies: everyone and the age segment, for each question shown (3), not the hidden one. They
    // are folded after the submission (by the tallier, or by any reader of results): fold now.
    await catchUpSurveyTallies(t.db, org.id, survey.id);
    const tallies = await t.db
      .selectFrom('survey_tallies')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(
      tallies
        .filter((x) => x.segment === '')
        .map((x) => x.question_id)
        .sort(),
    ).toEqual([used!.id, age.id, nps.id].sort());
    expect(tallies.some((x) => x.question_id === why.id)).toBe(false);

    // One response per participant: the survey says so and refuses a second one.
    const again = await participant.get(path);
    expect(again.body).toContain('You have already answered');
    const second = await participant.submit(path, path, {
      page: '0',
      action: 'submit',
      [`q_${used!.id}`]: 'x',
    });
    expect(second.statusCode).toBe(303);
    expect(
      await t.db.selectFrom('survey_responses').select('id').where('survey_id', '=', survey.id).execute(),
    ).toHaveLength(1);
  });

  it('shows a conditional question on the same page as its trigger, and ignores it when the trigger is not chosen', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const built = await buildSurvey(t.db, actor, initiative.id, {
      settings: { layout: 'all_on_one_page' },
      questions: [{ kind: 'single_choice', textEn: 'Do you use the library?', options: 'Yes\nNo' }],
      draft: true,
    });
    const used = built.questions[0]!;
    const [yes, no] = used.options;
    const why = await addQuestion(t.db, actor, built.survey.id, {
      kind: 'long_text',
      textEn: 'Why not?',
      required: true,
      condition: [`${used.id}:${no!.id}`],
    });
    await publishSurvey(t.db, actor, built.survey.id);
    const path = `/o/${org.slug}/i/${initiative.slug}/s/${built.survey.id}`;
    const stored = async (participantCookie: FormClient) => {
      const page = await participantCookie.get(path);
      expect(page.body).toContain('You have already answered');
      const rows = await t.db
        .selectFrom('survey_responses')
        .select('answers')
        .where('survey_id', '=', built.survey.id)
        .orderBy('completed_at', 'desc')
        .execute();
      return JSON.parse(rows[0]!.answers) as Record<string, unknown>;
    };

    // Without JavaScript the page offers it, with a hint saying when it applies.
    const first = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const page = await first.get(path);
    expect(page.body).toContain(`id="f-q_${why.id}"`);
    expect(page.body).toContain('Answer only if you answered “No” to “Do you use the library?”.');
    // "Yes": the required "Why not?" is not asked for, and what was typed into it is not kept.
    const ignored = await first.post(path, {
      action: 'submit',
      [`q_${used.id}`]: yes!.id,
      [`q_${why.id}`]: 'Typed anyway',
    });
    expect(ignored.statusCode).toBe(303);
    expect(await stored(first)).toEqual({ [used.id]: yes!.id });

    // "No": now it is required, and kept.
    const second = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const missing = await second.submit(path, path, { action: 'submit', [`q_${used.id}`]: no!.id });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain(`id="q_${why.id}-error"`);
    const kept = await second.post(path, {
      action: 'submit',
      [`q_${used.id}`]: no!.id,
      [`q_${why.id}`]: 'Too far away',
    });
    expect(kept.statusCode).toBe(303);
    expect(await stored(second)).toEqual({ [used.id]: no!.id, [why.id]: 'Too far away' });
  });

  it('publishing changes after responses creates a new version; earlier responses keep theirs', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, questions } = await buildSurvey(t.db, actor, initiative.id, {
      questions: [{ kind: 'short_text', textEn: 'One word for the library' }],
    });
    const path = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
    // Without responses, publishing again replaces version 1.
    await addQuestion(t.db, actor, survey.id, {
      kind: 'number',
      textEn: 'Visits per month',
      integer: true,
      min: 0,
    });
    await publishSurvey(t.db, actor, survey.id);
    let versions = await t.db
      .selectFrom('survey_versions')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(versions).toHaveLength(1);

    const participant = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const page = await participant.get(path);
    expect(page.body).toContain('Visits per month');
    const bad = await participant.submit(path, path, {
      action: 'submit',
      [`q_${questions[0]!.id}`]: 'x'.repeat(501),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Must be at most 500 characters');
    const ok = await participant.submit(path, path, { action: 'submit', [`q_${questions[0]!.id}`]: 'Calm' });
    expect(ok.statusCode).toBe(303);

    await addQuestion(t.db, actor, survey.id, { kind: 'date', textEn: 'Last visit' });
    await publishSurvey(t.db, actor, survey.id);
    versions = await t.db
      .selectFrom('survey_versions')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .orderBy('version')
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const response = await t.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .executeTakeFirstOrThrow();
    expect(response.version_id).toBe(versions[0]!.id);
  });

  it('refuses answers to a closed survey and hides other organizations’ surveys', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey } = await buildSurvey(t.db, actor, initiative.id, {
      questions: [{ kind: 'rating', textEn: 'Rate us', min: 1, max: 5 }],
    });
    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    const closed = await staff.submit(`/staff/surveys/${survey.id}`, `/staff/surveys/${survey.id}/close`, {});
    expect(closed.statusCode).toBe(303);
    const participant = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const path = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
    const page = await participant.get(path);
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('This survey is closed');

    const other = await buildOrganization(t.db);
    const outsider = await buildStaff(t.db, { organizationId: other.id, role: 'admin' });
    const client = await signIn(t.app, outsider.email, outsider.password);
    expect((await client.get(`/staff/surveys/${survey.id}`)).statusCode).toBe(404);
    const post = await client.submit('/staff', `/staff/surveys/${survey.id}/questions`, {
      kind: 'short_text',
      textEn: 'Sneaky',
    });
    expect(post.statusCode).toBe(404);
    const draft = await t.db
      .selectFrom('surveys')
      .select('draft_definition')
      .where('id', '=', survey.id)
      .executeTakeFirstOrThrow();
    expect(draft.draft_definition).not.toContain('Sneaky');
  });
  it('lists a participant’s answers in My data and its download; erasure keeps them only anonymously', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey: done, questions } = await buildSurvey(t.db, actor, initiative.id, {
      questions: [
        { kind: 'single_choice', textEn: 'Favourite room', options: 'Reading room | Læsesal\nCafé' },
      ],
    });
    const { survey: half, questions: halfQuestions } = await buildSurvey(t.db, actor, initiative.id, {
      settings: { layout: 'one_per_page' },
      questions: [
        { kind: 'short_text', textEn: 'First' },
        { kind: 'short_text', textEn: 'Second' },
      ],
    });
    const participant = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const donePath = `/o/${org.slug}/i/${initiative.slug}/s/${done.id}`;
    const q = questions[0]!;
    expect(
      (await participant.submit(donePath, donePath, { action: 'submit', [`q_${q.id}`]: q.options[0]!.id }))
        .statusCode,
    ).toBe(303);
    const halfPath = `/o/${org.slug}/i/${initiative.slug}/s/${half.id}`;
    await participant.submit(halfPath, halfPath, {
      page: '0',
      action: 'save',
      [`q_${halfQuestions[0]!.id}`]: 'Half written',
    });

    const me = await participant.get(`/o/${org.slug}/me`);
    expect(me.body).toContain('Your survey answers');
    expect(me.body).toContain('Favourite room');
    expect(me.body).toContain('Reading room');
    expect(me.body).toContain('Saved, not sent yet');
    const json = (await participant.get(`/o/${org.slug}/me/data.json`)).json<{
      surveyResponses: { survey: string; status: string }[];
    }>();
    expect(json.surveyResponses.map((r) => r.status).sort()).toEqual(['completed', 'in_progress']);

    const erased = await participant.submit(`/o/${org.slug}/me`, `/o/${org.slug}/me/erase`, {
      confirm: 'ERASE',
    });
    expect(erased.statusCode).toBe(303);
    const rows = await t.db
      .selectFrom('survey_responses')
      .select(['participant_id', 'status', 'answers'])
      .where('survey_id', 'in', [done.id, half.id])
      .execute();
    // The unfinished response no longer counts as started.
    const counts = await t.db
      .selectFrom('survey_response_counts')
      .select(['survey_id', 'started', 'completed'])
      .where('survey_id', 'in', [done.id, half.id])
      .orderBy('completed', 'desc')
      .execute();
    expect(counts.map((c) => [c.survey_id, Number(c.started), Number(c.completed)])).toEqual([
      [done.id, 1, 1],
      [half.id, 0, 0],
    ]);
    expect(rows).toEqual([
      { participant_id: null, status: 'completed', answers: JSON.stringify({ [q.id]: q.options[0]!.id }) },
    ]);
  });
  it('renames and removes sections without losing their questions, and keeps the last one', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, questions } = await buildSurvey(t.db, actor, initiative.id, {
      questions: [{ kind: 'short_text', textEn: 'First question' }],
      draft: true,
    });
    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    const path = `/staff/surveys/${survey.id}`;
    expect((await staff.submit(path, `${path}/sections`, { titleEn: 'About you' })).statusCode).toBe(303);
    const sections = async () =>
      (
        JSON.parse(
          (
            await t.db
              .selectFrom('surveys')
              .select('draft_definition')
              .where('id', '=', survey.id)
              .executeTakeFirstOrThrow()
          ).draft_definition,
        ) as { sections: { id: string; title: { en: string; da: string }; questions: { id: string }[] }[] }
      ).sections;
    const [first, second] = await sections();
    const renamed = await staff.submit(path, `${path}/sections/${second!.id}`, {
      titleEn: 'You',
      titleDa: 'Dig',
    });
    expect(renamed.statusCode).toBe(303);
    expect((await sections())[1]!.title).toEqual({ en: 'You', da: 'Dig' });
    // Removing the first section moves its question into the next one.
    expect((await staff.submit(path, `${path}/sections/${first!.id}/delete`, {})).statusCode).toBe(303);
    const left = await sections();
    expect(left).toHaveLength(1);
    expect(left[0]!.questions.map((q) => q.id)).toEqual([questions[0]!.id]);
    const last = await staff.submit(path, `${path}/sections/${left[0]!.id}/delete`, {});
    expect(last.statusCode).toBe(422);
    expect(last.body).toContain('A survey needs at least one section');
    expect(await sections()).toHaveLength(1);
  });
  it('stores one response when the same participant submits twice at the same moment', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, questions } = await buildSurvey(t.db, actor, initiative.id, {
      questions: [{ kind: 'single_choice', textEn: 'Pick', required: true, options: 'A\nB' }],
    });
    const participant = await joinAsParticipant(t.app, org.slug, initiative.slug);
    const path = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
    await participant.get(path);
    const form = { action: 'submit', [`q_${questions[0]!.id}`]: questions[0]!.options[0]!.id };
    const results = await Promise.all([
      participant.post(path, form),
      participant.post(path, form),
      participant.post(path, form),
    ]);
    for (const r of results) expect(r.statusCode).toBeLessThan(500);
    const stored = await t.db
      .selectFrom('survey_responses')
      .select('status')
      .where('survey_id', '=', survey.id)
      .execute();
    expect(stored).toEqual([{ status: 'completed' }]);
  });
});
