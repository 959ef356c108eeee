import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/databases.js';
import { actorOf } from '../staff/actor-of.js';
import { getSurveyResults } from '../surveys/get-survey-results.js';
import { seedDemo } from './seed-demo.js';

describe.each(engines)('the demo seed on %s', (engine) => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase(engine);
  });
  afterAll(async () => tdb.close());

  it('seeds an organization with an open initiative, participants and a survey with results, once', async () => {
    const seeded = await seedDemo(tdb.db);
    expect(seeded?.organizationSlug).toBe('demo-kommune');
    expect(await seedDemo(tdb.db)).toBeUndefined();
    const survey = await tdb.db.selectFrom('surveys').selectAll().executeTakeFirstOrThrow();
    expect(survey.status).toBe('published');
    const completed = await tdb.db
      .selectFrom('survey_responses')
      .select('id')
      .where('status', '=', 'completed')
      .execute();
    expect(completed).toHaveLength(60);
    const analystRow = await tdb.db
      .selectFrom('staff')
      .selectAll()
      .where('email', '=', 'analyst@demo-kommune.example')
      .executeTakeFirstOrThrow();
    const analyst = actorOf({
      id: analystRow.id,
      organizationId: analystRow.organization_id,
      role: 'analyst',
      name: analystRow.name,
      email: analystRow.email,
    } as Parameters<typeof actorOf>[0]);
    const results = await getSurveyResults(tdb.db, analyst, survey.id, {});
    const conversation = await tdb.db.selectFrom('conversations').selectAll().executeTakeFirstOrThrow();
    expect(conversation.status).toBe('open');
    expect(conversation.topic).toContain('CC BY 4.0');
    const votes = await tdb.db
      .selectFrom('conversation_votes')
      .select(tdb.db.fn.countAll().as('n'))
      .where('conversation_id', '=', conversation.id)
      .executeTakeFirstOrThrow();
    expect(Number(votes.n)).toBe(638);
    const first = results.questions[0]!.summary;
    expect(first.suppressed).toBe(false);
    if (!first.suppressed) expect(first.respondents).toBe(60);
  });
});
