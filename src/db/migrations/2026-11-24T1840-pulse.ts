import type { Kysely } from 'kysely';

// The participant experience pulse: answers after an activity, and which activity kinds ask for one.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pulse_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('activity_kind', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    // Null for an anonymous answer (a kiosk respondent): those cannot be checked for duplicates.
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('cascade'))
    .addColumn('heard', 'integer')
    .addColumn('easy', 'integer')
    .addColumn('again', 'integer')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // One pulse per participant per activity; NULLs never clash, so anonymous answers are not limited.
    .addUniqueConstraint('pulse_answers_once', [
      'organization_id',
      'activity_kind',
      'activity_id',
      'participant_id',
    ])
    .execute();
  await db.schema
    .createIndex('pulse_answers_org_initiative')
    .on('pulse_answers')
    .columns(['organization_id', 'initiative_id'])
    .execute();
  await db.schema
    .createIndex('pulse_answers_org_participant')
    .on('pulse_answers')
    .columns(['organization_id', 'participant_id'])
    .execute();
  // A missing row means "on": the pulse is asked unless staff switched it off for the kind.
  await db.schema
    .createTable('pulse_settings')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('activity_kind', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pulse_settings_pk', ['initiative_id', 'activity_kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pulse_settings').execute();
  await db.schema.dropTable('pulse_answers').execute();
}
