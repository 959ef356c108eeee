import { sql, type Kysely } from 'kysely';

// The tallier looks for a survey's waiting responses by survey, status and organization. The partial
// index of T1400 had only survey_id, so the planner preferred the (survey_id, status) index of all
// responses and scanned every completed response of the survey on each pass (cost growing with the
// survey: ~11 % of the server's CPU at 40k responses under the ingest bench). This partial index
// matches all three equalities, so it wins, and it holds only the responses still waiting. It
// replaces the old one (one index fewer to maintain per submission). Queries must compare `tallied`
// and `status` with literals, not parameters, for a partial index to be usable (SQLite).
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index survey_responses_waiting on survey_responses (survey_id, status, organization_id)
    where tallied = 0
  `.execute(db);
  await db.schema.dropIndex('survey_responses_untallied').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create index survey_responses_untallied on survey_responses (survey_id)
    where tallied = 0 and status = 'completed'
  `.execute(db);
  await db.schema.dropIndex('survey_responses_waiting').execute();
}
