import type { Kysely } from 'kysely';

// Interviews, observations, focus groups and workshop notes, and their quotable pieces.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('interviewer_id', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('place', 'text', (c) => c.notNull().defaultTo(''))
    // Erasing a participant unlinks them; the interview stays as anonymous input.
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('transcript_format', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('transcript_source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interviews_org_initiative')
    .on('interviews')
    .columns(['organization_id', 'initiative_id', 'held_on'])
    .execute();
  await db.schema.createIndex('interviews_participant').on('interviews').column('participant_id').execute();

  await db.schema
    .createTable('interview_pieces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('interview_id', 'text', (c) => c.notNull().references('interviews.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('speaker', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_ms', 'integer')
    .addColumn('ends_ms', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interview_pieces_interview')
    .on('interview_pieces')
    .columns(['interview_id', 'kind', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('interview_pieces').execute();
  await db.schema.dropTable('interviews').execute();
}
