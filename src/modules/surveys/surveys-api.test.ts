import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { api } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { buildDemographics } from '../../../test/support/participant-factory.js';
import {
  actorOf,
  buildApiToken,
  buildOrganization,
  buildStaff,
} from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import { closeSurvey } from './publish-survey.js';

describe.each(engines)('survey JSON API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const responses = async (surveyId: string) =>
    (await t.db.selectFrom('survey_responses').select('id').where('survey_id', '=', surveyId).execute())
      .length;

  it('submits complete responses, refuses bad ones with problem details, and reads suppressed results', async () => {
    const org = await buildOrganization(t.db);
    const demographics = await buildDemographics(t.db, org.id);
    const admin = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const analyst = await buildStaff(t.db, { organizationId: org.id, role: 'analyst' });
    const frontline = await buildStaff(t.db, { organizationId: org.id, role: 'frontline' });
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, questions } = await buildSurvey(t.db, actorOf(admin), initiative.id, {
      questions: [
        { kind: 'single_choice', textEn: 'Visit', required: true, options: 'Often\nRarely' },
        { kind: 'demographic', textEn: 'District', attributeId: demographics.district.id },
        { kind: 'ranking', textEn: 'Rank', options: 'Books\nCafé\nEvents' },
      ],
    });
    const [visit, district, rank] = questions;
    const token = await buildApiToken(t.db, frontline.email);
    const url = `/api/v1/surveys/${survey.id}/responses`;

    const created = await api(t.app, token, 'POST', url, {
      answers: {
        [visit!.id]: visit!.options[0]!.id,
        [district!.id]: demographics.district.categories.north,
        [rank!.id]: [rank!.options[2]!.id, rank!.options[0]!.id, rank!.options[1]!.id],
      },
      mode: 'phone',
    });
    expect(created.statusCode).toBe(201);
    const row = await t.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('id', '=', created.json<{ id: string }>().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      channel: 'api',
      mode: 'phone',
      status: 'completed',
      entered_by: frontline.id,
    });
    expect(JSON.parse(row.segments)).toEqual({
      [demographics.district.id]: demographics.district.categories.north,
    });

    const bad = [
      { answers: { [visit!.id]: 'not-an-option' } },
      { answers: {} },
      { answers: { [visit!.id]: visit!.options[0]!.id, unknown: 'x' } },
      { answers: { [visit!.id]: visit!.options[0]!.id, [rank!.id]: [rank!.options[0]!.id] } },
      { answers: { [visit!.id]: visit!.options[0]!.id }, mode: 'carrier pigeon' },
      { answers: { [visit!.id]: ['a', 'b'] } },
    ];
    for (const body of bad) {
      const res = await api(t.app, token, 'POST', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<{ errors: unknown[] }>().errors.length).toBeGreaterThan(0);
    }
    const missing = await api(t.app, token, 'POST', url, { answers: {} });
    expect(missing.json<{ errors: { field: string }[] }>().errors[0]!.field).toBe(`answers.${visit!.id}`);
    expect(await responses(survey.id)).toBe(1);

    // Analysts may read results but not submit; results carry the suppression marker, never numbers.
    const analystToken = await buildApiToken(t.db, analyst.email);
    expect((await api(t.app, analystToken, 'POST', url, { answers: {} })).statusCode).toBe(403);
    const results = await api(t.app, analystToken, 'GET', `/api/v1/surveys/${survey.id}/results`);
    expect(results.statusCode).toBe(200);
    const body = results.json<{ k: number; questions: { summary: Record<string, unknown> }[] }>();
    expect(body.k).toBe(5);
    expect(body.questions[0]!.summary).toEqual({ suppressed: true, k: 5, kind: 'single_choice' });
    expect(JSON.stringify(body)).not.toContain('"count"');

    await closeSurvey(t.db, actorOf(admin), survey.id);
    const closed = await api(t.app, token, 'POST', url, { answers: { [visit!.id]: visit!.options[0]!.id } });
    expect(closed.statusCode).toBe(409);
    expect(await responses(survey.id)).toBe(1);

    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/v1/surveys/{id}/responses', '/api/v1/surveys/{id}/results']),
    );

    const other = await buildOrganization(t.db);
    const outsider = await buildStaff(t.db, { organizationId: other.id, role: 'admin' });
    const outsiderToken = await buildApiToken(t.db, outsider.email);
    expect((await api(t.app, outsiderToken, 'GET', `/api/v1/surveys/${survey.id}/results`)).statusCode).toBe(
      404,
    );
  });
});
