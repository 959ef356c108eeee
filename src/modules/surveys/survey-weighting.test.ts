import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { buildDemographics } from '../../../test/support/participant-factory.js';
import { actorOf, buildOrganization, buildStaff, signIn } from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import { saveTargetPopulation } from '../representativeness/save-target-population.js';
import { getSurveyResults } from './get-survey-results.js';
import { submitResponse } from './submit-response.js';

describe.each(engines)('weighted survey results on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('rakes respondents to the target population and shows weighted beside unweighted figures', async () => {
    const org = await buildOrganization(t.db);
    const demographics = await buildDemographics(t.db, org.id);
    const admin = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const actor = actorOf(admin);
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, questions } = await buildSurvey(t.db, actor, initiative.id, {
      questions: [
        { kind: 'single_choice', textEn: 'Visit', required: true, options: 'Yes\nNo' },
        { kind: 'demographic', textEn: 'District', attributeId: demographics.district.id },
      ],
    });
    const [visit, district] = questions;
    const { north, south } = demographics.district.categories;

    // Before any margins: a clear reason, no numbers invented.
    expect((await getSurveyResults(t.db, actor, survey.id, { weighted: true })).weighting).toEqual({
      ok: false,
      reason: 'no_margins',
    });
    await saveTargetPopulation(t.db, actor, initiative.id, demographics.district.id, {
      [`share_${north}`]: '25',
      [`share_${south}`]: '75',
      source: 'Census 2025',
      asOf: '2025-01-01',
    });
    // Only northerners so far: the south has a target but nobody to weight up.
    for (let i = 0; i < 9; i++)
      await submitResponse(t.db, actor, survey.id, {
        answers: { [visit!.id]: visit!.options[0]!.id, [district!.id]: north },
      });
    const impossible = await getSurveyResults(t.db, actor, survey.id, { weighted: true });
    expect(impossible.weighting).toMatchObject({
      ok: false,
      code: 'empty_category',
      attributeId: demographics.district.id,
    });

    for (let i = 0; i < 6; i++)
      await submitResponse(t.db, actor, survey.id, {
        answers: { [visit!.id]: visit!.options[1]!.id, [district!.id]: south },
      });
    const results = await getSurveyResults(t.db, actor, survey.id, { weighted: true });
    if (!results.weighting?.ok) throw new Error('weighting should work');
    expect(results.weighting.converged).toBe(true);
    expect(results.weighting.margins).toEqual([
      { attributeId: demographics.district.id, source: 'Census 2025', asOf: '2025-01-01' },
    ]);
    // n = 15, weights 15·0.25/9 and 15·0.75/6: Kish deff = n·Σw²/(Σw)².
    const wn = (15 * 0.25) / 9;
    const ws = (15 * 0.75) / 6;
    expect(results.weighting.summary.deff).toBeCloseTo((15 * (9 * wn * wn + 6 * ws * ws)) / 15 ** 2, 9);
    const weighted = results.questions[0]!.summary;
    const plain = results.questions[0]!.unweighted;
    if (weighted.suppressed || weighted.kind !== 'single_choice') throw new Error('shown');
    if (!plain || plain.suppressed || plain.kind !== 'single_choice') throw new Error('shown');
    const share = (cells: typeof weighted.options, id: string) => {
      const cell = cells.find((c) => c.key === id)!;
      if (cell.suppressed) throw new Error('shown');
      return cell.share;
    };
    expect(share(weighted.options, visit!.options[0]!.id)).toBeCloseTo(0.25, 9);
    expect(share(plain.options, visit!.options[0]!.id)).toBeCloseTo(0.6, 12);

    const staff = await signIn(t.app, admin.email, admin.password);
    const page = (await staff.get(`/staff/surveys/${survey.id}/results?weighted=1`)).body;
    expect(page).toContain('Weighted by raking to: District (Census 2025, 2025-01-01).');
    expect(page).toContain('Weighted share');
    expect(page).toContain('Unweighted share');
    const unweightedPage = (await staff.get(`/staff/surveys/${survey.id}/results`)).body;
    expect(unweightedPage).not.toContain('Weighted share');

    // The export carries each response's weight, and the codebook says which margins made it.
    const rows = parse<Record<string, string>>(
      (await staff.get(`/staff/surveys/${survey.id}/export.csv`)).body,
      {
        bom: true,
        columns: true,
      },
    );
    expect(rows).toHaveLength(15);
    for (const row of rows) {
      const expected = row.segment_district === 'North' ? wn : ws;
      expect(Number(row.weight)).toBeCloseTo(expected, 9);
    }
    const codebook = (await staff.get(`/staff/surveys/${survey.id}/codebook.csv`)).body;
    expect(codebook).toContain('Raking weight to the target population: district (Census 2025, 2025-01-01)');
  });
});
