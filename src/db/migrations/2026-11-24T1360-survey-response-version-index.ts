import type { Kysely } from 'kysely';

// The builder page says how many responses the current version has, and publishing asks whether it
// has any: both count by version, which an index answers without scanning every response.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('survey_responses_version')
    .on('survey_responses')
    .column('version_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('survey_responses_version').execute();
}
