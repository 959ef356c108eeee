import { sql, type Kysely } from 'kysely';

// Tallies leave the submission path: a completed response is stored with `tallied = 0` and a tallier
// folds such responses into `survey_tallies` in batches, marking them tallied in the same transaction
// (so each is counted exactly once). Responses completed before this migration are already in the
// tallies. The partial index holds only the responses still waiting, so finding them stays cheap at
// millions of responses.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('survey_responses')
    .addColumn('tallied', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update survey_responses set tallied = 1 where status = 'completed'`.execute(db);
  await sql`
    create index survey_responses_untallied on survey_responses (survey_id)
    where tallied = 0 and status = 'completed'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('survey_responses_untallied').execute();
  await db.schema.alterTable('survey_responses').dropColumn('tallied').execute();
}
