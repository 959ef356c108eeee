import type { Kysely } from 'kysely';

// Prototypes shared while unfinished: versions (feedback rounds), their files, and feedback.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('prototypes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prototypes_org_initiative')
    .on('prototypes')
    .columns(['organization_id', 'initiative_id'])
    .execute();

  // Each version is one feedback round; earlier versions stay as they were (the history).
  await db.schema
    .createTable('prototype_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('prototype_id', 'text', (c) => c.notNull().references('prototypes.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    /** JSON: [{ id, text }] — the questions staff want feedback on. */
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prototype_versions_number')
    .on('prototype_versions')
    .columns(['prototype_id', 'number'])
    .unique()
    .execute();

  await db.schema
    .createTable('prototype_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('prototype_versions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prototype_files_version').on('prototype_files').column('version_id').execute();

  await db.schema
    .createTable('prototype_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('prototype_versions.id').onDelete('cascade'),
    )
    // Who gave it: 'p:<participant>' (or another kind of responder later); 'x:<id>' once erased.
    .addColumn('responder', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('works', 'text', (c) => c.notNull())
    .addColumn('does_not_work', 'text', (c) => c.notNull())
    .addColumn('missing', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    /** JSON: { <question id>: answer } */
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prototype_feedback_one_each')
    .on('prototype_feedback')
    .columns(['version_id', 'responder'])
    .unique()
    .execute();
  await db.schema
    .createIndex('prototype_feedback_participant')
    .on('prototype_feedback')
    .column('participant_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('prototype_feedback').execute();
  await db.schema.dropTable('prototype_files').execute();
  await db.schema.dropTable('prototype_versions').execute();
  await db.schema.dropTable('prototypes').execute();
}
