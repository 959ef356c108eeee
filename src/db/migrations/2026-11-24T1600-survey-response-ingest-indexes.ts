import { sql, type Kysely } from 'kysely';

// Every index on survey_responses is one more B-tree insert per submission and more pages per commit,
// and submissions are the platform's hottest write. This migration keeps the ones queries use:
// - The tallier looks for a survey's waiting responses by survey, status and organization. The
//   partial index of T1400 had only survey_id, so the planner preferred the (survey_id, status) index
//   of all responses and scanned every completed response of the survey on each pass (cost growing
//   with the survey: ~11 % of the server's CPU at 40k responses under the ingest bench). The new
//   partial index matches all three equalities, so it wins, and holds only responses still waiting.
//   Queries compare `tallied` and `status` with literals, so the planner can match it without
//   knowing the bound values.
// - (survey_id, status) is a prefix of survey_responses_completed (survey_id, status, completed_at),
//   which answers the same lookups.
// - (survey_id, status, channel, mode) served the funnel's counts, which survey_response_counts
//   (T1350) keeps now; no query filters responses by channel or mode any more.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index survey_responses_waiting on survey_responses (survey_id, status, organization_id)
    where tallied = 0
  `.execute(db);
  await db.schema.dropIndex('survey_responses_untallied').execute();
  await db.schema.dropIndex('survey_responses_survey').execute();
  await db.schema.dropIndex('survey_responses_channels').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('survey_responses_channels')
    .on('survey_responses')
    .columns(['survey_id', 'status', 'channel', 'mode'])
    .execute();
  await db.schema
    .createIndex('survey_responses_survey')
    .on('survey_responses')
    .columns(['survey_id', 'status'])
    .execute();
  await sql`
    create index survey_responses_untallied on survey_responses (survey_id)
    where tallied = 0 and status = 'completed'
  `.execute(db);
  await db.schema.dropIndex('survey_responses_waiting').execute();
}
