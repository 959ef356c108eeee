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
    // The loop is closed on three decisions, one not adopted with its public reason.
    const decisions = await tdb.db.selectFrom('decisions').selectAll().orderBy('decided_on').execute();
    expect(decisions.map((d) => d.status)).toEqual(['adopted', 'in_pilot', 'not_adopted']);
    expect(decisions[2]!.not_adopted_reason).toContain('fire rules');
    const links = await tdb.db.selectFrom('decision_links').select(['decision_id', 'input_kind']).execute();
    const kinds = (id: string) =>
      links
        .filter((l) => l.decision_id === id)
        .map((l) => l.input_kind)
        .sort();
    expect(kinds(decisions[0]!.id)).toEqual(['idea', ...Array<string>(5).fill('survey_response')]);
    expect(kinds(decisions[1]!.id)).toEqual(Array<string>(4).fill('conversation_statement'));
    expect(kinds(decisions[2]!.id)).toEqual(['idea']);
    expect(await tdb.db.selectFrom('input_reviews').select('id').execute()).toHaveLength(3);
    const first = results.questions[0]!.summary;
    expect(first.suppressed).toBe(false);
    if (!first.suppressed) expect(first.respondents).toBe(60);
  });
});
