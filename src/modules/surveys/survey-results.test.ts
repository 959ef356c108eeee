import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { buildDemographics, joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf, buildOrganization, buildStaff, signIn } from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import { getSurveyResults } from './get-survey-results.js';
import { inviteToSurvey } from './invite-to-survey.js';
import { createI18n } from '../../platform/i18n.js';

describe.each(engines)('survey results with small-cell suppression on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('shows counts, means and texts for large groups and "fewer than k" for small ones', async () => {
    const org = await buildOrganization(t.db);
    const demographics = await buildDemographics(t.db, org.id);
    const admin = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const frontline = await buildStaff(t.db, { organizationId: org.id, role: 'frontline' });
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, questions } = await buildSurvey(t.db, actorOf(admin), initiative.id, {
      questions: [
        { kind: 'demographic', textEn: 'Age', attributeId: demographics.ageBand.id },
        { kind: 'single_choice', textEn: 'Visit', options: 'Often\nRarely' },
        { kind: 'number', textEn: 'Books a month', integer: true, min: 0 },
        { kind: 'short_text', textEn: 'One word' },
      ],
    });
    const [age, visit, rate, word] = questions;
    const young = demographics.ageBand.categories.under_30;
    const old = demographics.ageBand.categories['60_plus'];
    const people = [
      ...[1, 2, 3, 4, 5, 6].map((i) => ({
        age: young,
        visit: i % 3 === 0 ? 1 : 0,
        rate: String((i % 5) + 1),
        word: `Quiet ${i}`,
      })),
      { age: old, visit: 1, rate: '2', word: 'Stairs are hard' },
      { age: old, visit: 1, rate: '1', word: 'Too loud' },
    ];
    const path = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
    for (const p of people) {
      const client = await joinAsParticipant(t.app, org.slug, initiative.slug);
      const res = await client.submit(path, path, {
        action: 'submit',
        [`q_${age!.id}`]: p.age,
        [`q_${visit!.id}`]: visit!.options[p.visit]!.id,
        [`q_${rate!.id}`]: p.rate,
        [`q_${word!.id}`]: p.word,
      });
      expect(res.statusCode).toBe(303);
    }

    const all = await getSurveyResults(t.db, actorOf(admin), survey.id, {});
    expect(all.k).toBe(5);
    // The funnel comes from counts kept as responses are written: 8 started, 8 completed, all by link.
    expect(all.funnel.overall).toMatchObject({ suppressed: false, started: 8, completed: { count: 8 } });
    expect(all.funnel.byChannel.map((c) => c.key)).toEqual(['link']);
    const visitSummary = all.questions[1]!.summary;
    if (visitSummary.suppressed || visitSummary.kind !== 'single_choice')
      throw new Error('visit should be shown');
    expect(visitSummary.respondents).toBe(8);
    // "Rarely": 2 young + 2 old = 4 < k: that cell is hidden, and so is its complement.
    expect(visitSummary.options.every((o) => o.suppressed)).toBe(true);
    const rateSummary = all.questions[2]!.summary;
    if (rateSummary.suppressed || rateSummary.kind !== 'number') throw new Error('number should be shown');
    const values = [2, 3, 4, 5, 1, 2, 2, 1];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(rateSummary.mean.mean).toBeCloseTo(mean, 10);
    expect(rateSummary.mean.ci!.lower).toBeLessThan(mean);

    // The old group (2) is below k: filtering to it shows nothing, not even its written answers.
    const olds = await getSurveyResults(t.db, actorOf(admin), survey.id, {
      filter: `${demographics.ageBand.id}:${old}`,
    });
    expect(olds.questions.every((q) => q.summary.suppressed)).toBe(true);
    expect(olds.questions[3]!.texts).toEqual({ hidden: true });
    // The young group (6) is large enough on its own, but showing it next to everyone (8) would give
    // away the old group by subtraction: it is hidden too.
    const youngs = await getSurveyResults(t.db, actorOf(admin), survey.id, {
      filter: `${demographics.ageBand.id}:${young}`,
    });
    expect(youngs.questions.every((q) => q.summary.suppressed)).toBe(true);
    expect(youngs.questions[3]!.texts).toEqual({ hidden: true });

    const staff = await signIn(t.app, admin.email, admin.password);
    const page = await staff.get(
      `/staff/surveys/${survey.id}/results?breakdownBy=${demographics.ageBand.id}&search=quiet`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Quiet 3');
    expect(page.body).not.toContain('Stairs are hard');
    expect(page.body).toContain('fewer than 5');
    expect(page.body).toContain('export.csv');
    // Each choice question has its SVG chart, labelled for screen readers, with no numbers for hidden bars.
    expect(page.body).toMatch(/<svg[^>]*role="img"/);
    expect(page.body).toContain(`id="chart-${visit!.id}`);
    const filtered = await staff.get(
      `/staff/surveys/${survey.id}/results?filter=${demographics.ageBand.id}:${old}`,
    );
    expect(filtered.body).not.toContain('Stairs are hard');
    expect(filtered.body).not.toContain('Too loud');
    const stale = await staff.get(`/staff/surveys/${survey.id}/results?filter=nope:nothing`);
    expect(stale.statusCode).toBe(422);
    expect(stale.body).toContain('That group does not exist');

    // Personal invitations show as a funnel: invited → started → completed, with the response rate.
    const i18n = createI18n();
    await inviteToSurvey(
      t.db,
      actorOf(admin),
      survey.id,
      { emails: [1, 2, 3, 4, 5, 6].map((i) => `invitee${i}@example.org`).join('\n') },
      { publicUrl: 'http://localhost', translatorFor: (locale) => i18n.getFixedT(locale) },
    );
    const invited = await getSurveyResults(t.db, actorOf(admin), survey.id, {});
    // Fewer than k have started: the invitation funnel is not shown in numbers.
    expect(invited.funnel.invitations).toEqual({ suppressed: true, k: 5 });
    expect((await staff.get(`/staff/surveys/${survey.id}/results`)).body).toContain(
      'Personal invitations: fewer than 5 in a group, not shown.',
    );

    const front = await signIn(t.app, frontline.email, frontline.password);
    const frontPage = await front.get(`/staff/surveys/${survey.id}/results`);
    expect(frontPage.statusCode).toBe(200);
    expect(frontPage.body).not.toContain('export.csv');
  });
});
