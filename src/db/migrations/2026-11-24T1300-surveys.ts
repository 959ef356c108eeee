import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

// Surveys: a working draft per survey, frozen published versions, responses that keep their version,
// and incremental tallies per question and demographic segment (the results page never rescans
// responses). Portable types only, as in the foundation migration.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  const org = (c: ColumnDefinitionBuilder) => c.notNull().references('organizations.id').onDelete('cascade');

  await db.schema
    .createTable('surveys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_da', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('intro_da', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('layout', 'text', (c) => c.notNull().defaultTo('all_on_one_page'))
    .addColumn('allow_multiple', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('draft_definition', 'text', (c) => c.notNull())
    .addColumn('current_version_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('surveys_initiative')
    .on('surveys')
    .columns(['organization_id', 'initiative_id'])
    .execute();

  await db.schema
    .createTable('survey_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('survey_versions_number', ['survey_id', 'version'])
    .execute();

  await db.schema
    .createTable('survey_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('survey_versions.id'))
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('consent_text_id', 'text', (c) => c.references('consent_texts.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('segments', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('page', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('survey_responses_survey')
    .on('survey_responses')
    .columns(['survey_id', 'status'])
    .execute();
  await db.schema
    .createIndex('survey_responses_participant')
    .on('survey_responses')
    .columns(['participant_id', 'survey_id'])
    .execute();

  await db.schema
    .createTable('survey_tallies')
    .addColumn('organization_id', 'text', org)
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_tallies_pk', ['survey_id', 'question_id', 'segment'])
    .execute();

  await db.schema
    .createTable('survey_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', org)
    .addColumn('survey_id', 'text', (c) => c.notNull().references('surveys.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('email', 'text')
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('response_id', 'text', (c) => c.references('survey_responses.id').onDelete('set null'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text')
    .addColumn('opened_at', 'text')
    .execute();
  await db.schema
    .createIndex('survey_invitations_survey')
    .on('survey_invitations')
    .column('survey_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'survey_invitations',
    'survey_tallies',
    'survey_responses',
    'survey_versions',
    'surveys',
  ])
    await db.schema.dropTable(table).execute();
}
