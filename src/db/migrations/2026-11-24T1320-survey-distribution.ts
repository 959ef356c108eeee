import type { Kysely } from 'kysely';

// Survey distribution: invitations remember the language they were written in and the hash of the
// reminder's link (the first link keeps working; only hashes are stored, so a reminder cannot reuse
// it), and kiosks hold the token of the shared device plus the one-time token of the respondent
// currently at it, so a replayed or abandoned form is refused.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('survey_invitations')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  await db.schema.alterTable('survey_invitations').addColumn('reminder_token_hash', 'text').execute();
  await db.schema
    .createIndex('survey_invitations_reminder_token')
    .on('survey_invitations')
    .column('reminder_token_hash')
    .unique()
    .execute();

  await db.schema
    .createTable('survey_kiosks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('started_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('respondent_token_hash', 'text')
    .addColumn('respondent_consent_text_id', 'text', (c) => c.references('consent_texts.id'))
    .addColumn('respondent_started_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema
    .createIndex('survey_kiosks_survey')
    .on('survey_kiosks')
    .columns(['organization_id', 'survey_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_kiosks').execute();
  await db.schema.dropIndex('survey_invitations_reminder_token').execute();
  await db.schema.alterTable('survey_invitations').dropColumn('reminder_token_hash').execute();
  await db.schema.alterTable('survey_invitations').dropColumn('locale').execute();
}
