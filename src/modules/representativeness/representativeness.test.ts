import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { buildDemographics, type BuiltDemographics } from '../../../test/support/participant-factory.js';
import {
  actorOf,
  buildOrganization,
  buildStaff,
  signIn,
  type BuiltStaff,
} from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import { registerParticipant } from '../participants/register-participant.js';
import type { Organization } from '../organizations/get-organization.js';
import { submitResponse } from '../surveys/submit-response.js';
import { getRepresentativeness } from './get-representativeness.js';
import { saveTargetPopulation } from './save-target-population.js';

describe.each(engines)('target populations and who is missing on %s', (engine) => {
  let t: TestApp;
  let org: Organization;
  let demographics: BuiltDemographics;
  let facilitator: BuiltStaff;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await buildOrganization(t.db);
    demographics = await buildDemographics(t.db, org.id);
    facilitator = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
  });
  afterAll(async () => t.close());

  const rows = async () => (await t.db.selectFrom('target_populations').selectAll().execute()).length;

  it('validates typed-in margins, then shows the deviations and who is missing with how many more are needed', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { under_30: young, '30_59': middle, '60_plus': old } = demographics.ageBand.categories;
    // 1 young, 3 middle-aged, 6 old participants; 1 who did not say.
    for (const category of [young, middle, middle, middle, old, old, old, old, old, old, null]) {
      await registerParticipant(t.db, actorOf(facilitator), initiative.id, {
        consent: true,
        ...(category ? { demographics: { [demographics.ageBand.id]: category } } : {}),
      });
    }
    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    const page = `/staff/initiatives/${initiative.id}/representativeness`;
    const action = `/staff/initiatives/${initiative.id}/population/${demographics.ageBand.id}`;
    const before = await rows();

    const badSum = await staff.submit(page, action, {
      [`share_${young}`]: '30',
      [`share_${middle}`]: '40',
      [`share_${old}`]: '20',
      source: 'Census 2025',
    });
    expect(badSum.statusCode).toBe(422);
    expect(badSum.body).toContain('The shares must add up to 100 % (± 0.5); they add up to 90 %');
    const noSource = await staff.submit(page, action, {
      [`share_${young}`]: '30',
      [`share_${middle}`]: '40',
      [`share_${old}`]: 'lots',
    });
    expect(noSource.statusCode).toBe(422);
    expect(noSource.body).toContain(`id="f-${demographics.ageBand.id}-share_${old}-error"`);
    expect(noSource.body).toContain(`id="f-${demographics.ageBand.id}-source-error"`);
    // The error summary links to this form's fields, not to another attribute's form.
    expect(noSource.body).toContain(`href="#f-${demographics.ageBand.id}-source"`);
    expect(await rows()).toBe(before);

    const saved = await staff.submit(page, action, {
      [`share_${young}`]: '30',
      [`share_${middle}`]: '40,0',
      [`share_${old}`]: '30 %',
      [`quota_${young}`]: '5',
      source: 'Census 2025',
      asOf: '2025-01-01',
    });
    expect(saved.statusCode).toBe(303);

    const view = await getRepresentativeness(t.db, actorOf(facilitator), initiative.id);
    expect(view.sampleSize).toBe(11);
    const age = view.result.attributes[0]!;
    expect(age.n).toBe(10);
    // Δ = ½(|0.1−0.3| + |0.3−0.4| + |0.6−0.3|) = 0.3
    expect(age.dissimilarity).toBeCloseTo(0.3, 12);
    expect(age.chiSquare!.degreesOfFreedom).toBe(2);
    const missingYoung = view.result.missing.find((m) => m.category === young)!;
    // (1 + m) / (10 + m) ≥ 0.3 → m = 3 (4/13 ≈ 0.308; 3/12 = 0.25).
    expect(missingYoung.needed).toBe(3);
    expect(age.categories.find((c) => c.category === young)!.quota).toMatchObject({ count: 1, target: 5 });

    const html = (await staff.get(page)).body;
    expect(html).toContain('About 3 more people from this group would bring it to its share.');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('1 people have not said');
  });

  it('imports margins from CSV all or nothing, naming the line of a problem', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    const page = `/staff/initiatives/${initiative.id}/representativeness`;
    const action = `/staff/initiatives/${initiative.id}/population/import`;
    const before = await rows();
    const unknown = await staff.submit(page, action, {
      csv: 'attribute,category,share\nage_band,under_30,30\nage_band,teenagers,70\n',
      source: 'Census',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('Line 3: “teenagers” is not a category of that attribute');
    const wrongSum = await staff.submit(page, action, {
      csv: 'attribute,category,share\nDistrict,North,0.5\nDistrict,South,0.2\nage_band,Under 30,100\n',
      source: 'Census',
    });
    expect(wrongSum.statusCode).toBe(422);
    expect(wrongSum.body).toContain('The shares of District add up to 70');
    expect(await rows()).toBe(before);

    // A quota typed in earlier survives a re-import of the shares.
    await staff.submit(page, `/staff/initiatives/${initiative.id}/population/${demographics.district.id}`, {
      [`share_${demographics.district.categories.north}`]: '50',
      [`share_${demographics.district.categories.south}`]: '50',
      [`quota_${demographics.district.categories.south}`]: '40',
      source: 'Old census',
    });
    const ok = await staff.submit(page, action, {
      csv: 'attribute,category,share\nDistrict,North,0.55\nDistrict,South,0.45\n',
      source: 'Census',
    });
    expect(ok.statusCode).toBe(303);
    const stored = await t.db
      .selectFrom('target_populations')
      .selectAll()
      .where('initiative_id', '=', initiative.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.shares)).toEqual({
      [demographics.district.categories.north]: 0.55,
      [demographics.district.categories.south]: 0.45,
    });
    expect(JSON.parse(stored.quotas)).toEqual({ [demographics.district.categories.south]: 40 });
    expect(stored.source).toBe('Census');
  });

  it('compares a survey’s respondents through its tallies', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const actor = actorOf(facilitator);
    const { survey, questions } = await buildSurvey(t.db, actor, initiative.id, {
      questions: [
        { kind: 'single_choice', textEn: 'Visit', required: true, options: 'Yes\nNo' },
        { kind: 'demographic', textEn: 'District', attributeId: demographics.district.id },
      ],
    });
    const [visit, district] = questions;
    for (const d of ['north', 'north', 'north', 'south', null] as const) {
      await submitResponse(t.db, actor, survey.id, {
        answers: {
          [visit!.id]: visit!.options[0]!.id,
          ...(d ? { [district!.id]: demographics.district.categories[d] } : {}),
        },
      });
    }
    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    await staff.submit(
      `/staff/initiatives/${initiative.id}/representativeness`,
      `/staff/initiatives/${initiative.id}/population/${demographics.district.id}`,
      {
        [`share_${demographics.district.categories.north}`]: '50',
        [`share_${demographics.district.categories.south}`]: '50',
        source: 'Register',
      },
    );
    const view = await getRepresentativeness(t.db, actor, initiative.id, { surveyId: survey.id });
    expect(view.sampleSize).toBe(5);
    expect(view.unknown[demographics.district.id]).toBe(1);
    const d = view.result.attributes[0]!;
    expect(d.categories.map((c) => c.count)).toEqual([3, 1]);
    expect(view.result.missing[0]).toMatchObject({
      category: demographics.district.categories.south,
      needed: 2,
    });
  });
  it('invites the contactable participants of a missing group to a survey in one action, once', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const actor = actorOf(facilitator);
    const { survey, questions } = await buildSurvey(t.db, actor, initiative.id, {
      questions: [
        { kind: 'demographic', textEn: 'District', attributeId: demographics.district.id, required: true },
      ],
    });
    const { north, south } = demographics.district.categories;
    for (let i = 0; i < 4; i++)
      await submitResponse(t.db, actor, survey.id, { answers: { [questions[0]!.id]: north } });
    // Southerners: two may be written to, one did not agree to follow-up, one has no address.
    const people = [
      { email: 's1@example.org', followUp: true },
      { email: 's2@example.org', followUp: true },
      { email: 's3@example.org', followUp: false },
      {},
    ];
    for (const p of people)
      await registerParticipant(t.db, actor, initiative.id, {
        consent: true,
        ...p,
        demographics: { [demographics.district.id]: south },
      });
    await saveTargetPopulation(t.db, actor, initiative.id, demographics.district.id, {
      [`share_${north}`]: '50',
      [`share_${south}`]: '50',
      source: 'Register',
    });
    const view = await getRepresentativeness(t.db, actor, initiative.id, { surveyId: survey.id });
    expect(view.recruitable?.get(`${demographics.district.id}:${south}`)).toBe(2);

    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    const page = `/staff/initiatives/${initiative.id}/representativeness?survey=${survey.id}`;
    expect((await staff.get(page)).body).toContain(
      'Invite the 2 in District: South who agreed to be contacted',
    );
    const form = { surveyId: survey.id, attributeId: demographics.district.id, categoryId: south };
    const invited = await staff.submit(page, `/staff/initiatives/${initiative.id}/recruit`, form);
    expect(invited.statusCode).toBe(303);
    expect((await staff.get(invited.headers.location!)).body).toContain('Invited 2 people to the survey.');
    const mails = await t.db.selectFrom('mail_outbox').select('to_address').execute();
    expect(
      mails
        .map((m) => m.to_address)
        .filter((a) => a.startsWith('s'))
        .sort(),
    ).toEqual(['s1@example.org', 's2@example.org']);
    const again = await staff.submit(page, `/staff/initiatives/${initiative.id}/recruit`, form);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('Nobody in this group can be invited to this survey now');
    expect(await t.db.selectFrom('survey_invitations').select('id').execute()).toHaveLength(2);
  });
});
