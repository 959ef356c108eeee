import { sql, type Kysely } from 'kysely';

// Responses started and completed per survey, channel and mode, kept as responses are written, so
// the results page's funnel reads a handful of rows instead of counting a million responses.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_response_counts')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('started', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('survey_response_counts_pk', ['survey_id', 'channel', 'mode'])
    .execute();
  // Existing responses are counted once, here.
  await sql`
    insert into survey_response_counts (organization_id, survey_id, channel, mode, started, completed)
    select organization_id, survey_id, channel, mode, count(*),
           sum(case when status = 'completed' then 1 else 0 end)
    from survey_responses
    group by organization_id, survey_id, channel, mode
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_response_counts').execute();
}
