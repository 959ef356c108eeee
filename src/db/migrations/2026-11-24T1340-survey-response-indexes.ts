import type { Kysely } from 'kysely';

// The results page lists the latest written answers and counts responses by status, channel and
// mode: both read indexes instead of scanning every response of a large survey.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('survey_responses_completed')
    .on('survey_responses')
    .columns(['survey_id', 'status', 'completed_at'])
    .execute();
  await db.schema
    .createIndex('survey_responses_channels')
    .on('survey_responses')
    .columns(['survey_id', 'status', 'channel', 'mode'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('survey_responses_channels').execute();
  await db.schema.dropIndex('survey_responses_completed').execute();
}
