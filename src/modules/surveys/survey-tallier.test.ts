import type { FastifyBaseLogger } from 'fastify';
import { CompiledQuery } from 'kysely';
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
import type { StaffActor } from '../../platform/actor.js';
import { changeInitiativeStatus } from '../initiatives/change-initiative-status.js';
import { updateStaffMember } from '../staff/update-staff-member.js';
import { countRespondentsBySegment } from './count-respondents.js';
import { getSurveyResults } from './get-survey-results.js';
import { closeSurvey } from './publish-survey.js';
import type { Question } from './survey-definition.js';
import { catchUpAllTallies, catchUpSurveyTallies, foldUntalliedResponses } from './survey-tallies.js';
import { untalliedResponsesQuery } from './surveys.repository.js';
import { QUARANTINED } from './surveys.table.js';
import { startTallyLoop } from './tally-loop.js';

describe.each(engines)('survey tallier and submission caches on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  /** An open initiative with a published survey (a choice and a district question) and a token to submit. */
  async function setUp() {
    const org = await buildOrganization(t.db);
    const demographics = await buildDemographics(t.db, org.id);
    const admin = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    const frontline = await buildStaff(t.db, { organizationId: org.id, role: 'frontline' });
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, questions } = await buildSurvey(t.db, actorOf(admin), initiative.id, {
      questions: [
        { kind: 'single_choice', textEn: 'Visit', required: true, options: 'Often\nRarely' },
        { kind: 'demographic', textEn: 'District', attributeId: demographics.district.id },
      ],
    });
    const token = await buildApiToken(t.db, frontline.email);
    const [visit, district] = questions as [Question, Question];
    const submit = (option: 0 | 1, place: 'north' | 'south' = 'north') =>
      api(t.app, token, 'POST', `/api/v1/surveys/${survey.id}/responses`, {
        answers: {
          [visit.id]: visit.options[option]!.id,
          [district.id]: demographics.district.categories[place],
        },
      });
    const tallies = async () =>
      (
        await t.db
          .selectFrom('survey_tallies')
          .select(['question_id', 'segment', 'data'])
          .where('survey_id', '=', survey.id)
          .orderBy('question_id')
          .orderBy('segment')
          .execute()
      ).map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }));
    const untallied = async () =>
      (
        await t.db
          .selectFrom('survey_responses')
          .select('id')
          .where('survey_id', '=', survey.id)
          .where('tallied', '=', 0)
          .execute()
      ).length;
    const admins: StaffActor = actorOf(admin);
    return {
      org,
      admin: admins,
      frontline,
      initiative,
      survey,
      visit,
      submit,
      tallies,
      untallied,
      demographics,
    };
  }

  it('folds waiting responses once: a second run changes nothing, and counts are exact', async () => {
    const s = await setUp();
    for (const option of [0, 0, 1, 0, 1, 0, 0] as const)
      expect((await s.submit(option)).statusCode).toBe(201);
    expect(await s.untallied()).toBe(7);
    expect(await s.tallies()).toEqual([]);

    const folded = await t.db
      .transaction()
      .execute((trx) => foldUntalliedResponses(trx, s.org.id, s.survey.id));
    expect(folded).toBe(7);
    expect(await s.untallied()).toBe(0);
    const once = await s.tallies();
    const everyone = once.find((r) => r.question_id === s.visit.id && r.segment === '')!.data as {
      answered: { n: number };
      options: Record<string, { n: number }>;
    };
    expect(everyone.answered.n).toBe(7);
    expect(everyone.options[s.visit.options[0]!.id]!.n).toBe(5);
    expect(everyone.options[s.visit.options[1]!.id]!.n).toBe(2);

    // Running every way again folds nothing more.
    await catchUpSurveyTallies(t.db, s.org.id, s.survey.id);
    await catchUpAllTallies(t.db);
    expect(
      await t.db.transaction().execute((trx) => foldUntalliedResponses(trx, s.org.id, s.survey.id)),
    ).toBe(0);
    expect(await s.tallies()).toEqual(once);
  });

  it('writes tallies and tallied flags in one transaction: a fold rolled back leaves both untouched', async () => {
    const s = await setUp();
    for (const option of [0, 1, 1] as const) expect((await s.submit(option)).statusCode).toBe(201);
    await expect(
      t.db.transaction().execute(async (trx) => {
        expect(await foldUntalliedResponses(trx, s.org.id, s.survey.id)).toBe(3);
        throw new Error('crash after folding, before commit');
      }),
    ).rejects.toThrow('crash after folding');
    expect(await s.tallies()).toEqual([]);
    expect(await s.untallied()).toBe(3);
    // The next fold counts each response exactly once.
    expect((await countRespondentsBySegment(t.db, s.admin, s.survey.id)).total).toBe(3);
    expect(await s.untallied()).toBe(0);
  });

  it('reads exact results right after submissions, without the background tallier', async () => {
    const s = await setUp();
    const places = ['north', 'north', 'south', 'north', 'south', 'north'] as const;
    for (const [i, place] of places.entries())
      expect((await s.submit(i % 2 === 0 ? 0 : 1, place)).statusCode).toBe(201);
    const counts = await countRespondentsBySegment(t.db, s.admin, s.survey.id);
    expect(counts.total).toBe(6);
    const district = s.demographics.district;
    expect(counts.segments.get(`${district.id}:${district.categories.north}`)).toBe(4);
    expect(counts.segments.get(`${district.id}:${district.categories.south}`)).toBe(2);
    expect((await s.submit(0)).statusCode).toBe(201);
    const results = await getSurveyResults(t.db, s.admin, s.survey.id, {});
    expect(JSON.stringify(results.questions[0]!.summary)).toContain('"respondents":7');
    expect((await countRespondentsBySegment(t.db, s.admin, s.survey.id)).total).toBe(7);
  });

  it('the background loop folds responses shortly after they are submitted', async () => {
    const s = await setUp();
    const stop = startTallyLoop(t.db, t.app.log);
    try {
      for (const option of [0, 1] as const) expect((await s.submit(option)).statusCode).toBe(201);
      for (let i = 0; i < 100 && (await s.untallied()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await s.untallied()).toBe(0);
      expect((await countRespondentsBySegment(t.db, s.admin, s.survey.id)).total).toBe(2);
    } finally {
      await stop();
    }
  });

  // SQLite only: the plan checked is SQLite's (EXPLAIN QUERY PLAN).
  if (engine === 'sqlite')
    it('finds waiting responses through their partial index, not by scanning the survey', async () => {
      const s = await setUp();
      const query = untalliedResponsesQuery(t.db, s.org.id, s.survey.id, 1000).compile();
      const plan = await t.db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      );
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/USING INDEX survey_responses_waiting/);
    });

  /** Submits valid responses, then spoils two in the database as old code or a bad import might. */
  async function withPoisonedResponses(s: Awaited<ReturnType<typeof setUp>>) {
    const ids: string[] = [];
    for (const option of [0, 1, 0, 1] as const) {
      const res = await s.submit(option);
      expect(res.statusCode).toBe(201);
      ids.push(res.json<{ id: string }>().id);
    }
    const [, impossible, unreadable] = ids as [string, string, string, string];
    await t.db
      .updateTable('survey_responses')
      .set({ answers: JSON.stringify({ [s.visit.id]: 'no-such-option' }) })
      .where('id', '=', impossible)
      .execute();
    await t.db
      .updateTable('survey_responses')
      .set({ answers: '{broken' })
      .where('id', '=', unreadable)
      .execute();
    return { impossible, unreadable };
  }

  const quarantinedIds = async (surveyId: string) =>
    (
      await t.db
        .selectFrom('survey_responses')
        .select('id')
        .where('survey_id', '=', surveyId)
        .where('tallied', '=', QUARANTINED)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  it('quarantines responses the tallier cannot count, logs them, and keeps folding the rest', async () => {
    const s = await setUp();
    const { impossible, unreadable } = await withPoisonedResponses(s);
    const logged: { obj: unknown; msg: unknown }[] = [];
    const log = {
      ...t.app.log,
      error: (obj: unknown, msg?: unknown) => logged.push({ obj, msg }),
    } as FastifyBaseLogger;
    const stop = startTallyLoop(t.db, log);
    try {
      for (let i = 0; i < 100 && (await s.untallied()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await s.untallied()).toBe(0);
      expect(await quarantinedIds(s.survey.id)).toEqual([impossible, unreadable].sort());
      expect(logged).toHaveLength(1);
      expect(logged[0]!.msg).toMatch(/quarantined/);
      const { surveyId, responses } = logged[0]!.obj as {
        surveyId: string;
        responses: { id: string; reason: string }[];
      };
      expect(surveyId).toBe(s.survey.id);
      expect(responses.map((r) => r.id).sort()).toEqual([impossible, unreadable].sort());
      expect(responses.find((r) => r.id === impossible)!.reason).toMatch(/no-such-option/);
      expect(responses.find((r) => r.id === unreadable)!.reason).toMatch(/unreadable/);
      // The two good responses are counted, once each.
      const everyone = (await s.tallies()).find((r) => r.question_id === s.visit.id && r.segment === '')!
        .data as { answered: { n: number } };
      expect(everyone.answered.n).toBe(2);
      // The survey is not blocked: a later response is folded as usual.
      expect((await s.submit(0)).statusCode).toBe(201);
      for (let i = 0; i < 100 && (await s.untallied()) > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect((await countRespondentsBySegment(t.db, s.admin, s.survey.id)).total).toBe(3);
    } finally {
      await stop();
    }
  });

  it('a reader catching up quarantines them too, with a warning, and shows the results of the rest', async () => {
    const s = await setUp();
    const { impossible, unreadable } = await withPoisonedResponses(s);
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const results = await getSurveyResults(t.db, s.admin, s.survey.id, {});
      expect(results.questions.length).toBeGreaterThan(0);
      expect((await countRespondentsBySegment(t.db, s.admin, s.survey.id)).total).toBe(2);
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', onWarning);
    }
    expect(await quarantinedIds(s.survey.id)).toEqual([impossible, unreadable].sort());
    expect(warnings.map((w) => w.name)).toContain('SurveyTallyWarning');
    expect(warnings.find((w) => w.name === 'SurveyTallyWarning')!.message).toContain(impossible);
  });

  it('refuses the next submission at once when the survey or initiative closes', async () => {
    const s = await setUp();
    expect((await s.submit(0)).statusCode).toBe(201);
    await t.db.transaction().execute((trx) => closeSurvey(trx, s.admin, s.survey.id));
    expect((await s.submit(0)).statusCode).toBe(409);

    const other = await setUp();
    expect((await other.submit(0)).statusCode).toBe(201);
    await t.db
      .transaction()
      .execute((trx) => changeInitiativeStatus(trx, other.admin, other.initiative.id, 'close'));
    const refused = await other.submit(0);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('initiative_not_open');
  });

  it('refuses a token at once when its staff member is disabled', async () => {
    const s = await setUp();
    expect((await s.submit(0)).statusCode).toBe(201);
    await t.db
      .transaction()
      .execute((trx) =>
        updateStaffMember(trx, s.admin, s.frontline.id, { role: 'frontline', status: 'disabled' }),
      );
    expect((await s.submit(0)).statusCode).toBe(401);
    expect(await s.untallied()).toBe(1);
  });
});
