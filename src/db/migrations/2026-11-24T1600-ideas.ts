import type { Kysely } from 'kysely';

// The idea board: ideas, their images, comments and supports.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ideas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('problem', 'text', (c) => c.notNull())
    // Exactly one author: a participant (null again after they erase their data) or a staff member.
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('staff_id', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('status_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('merged_into_id', 'text', (c) => c.references('ideas.id').onDelete('set null'))
    .addColumn('hidden_reason', 'text')
    .addColumn('hidden_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ideas_org_initiative')
    .on('ideas')
    .columns(['organization_id', 'initiative_id', 'created_at'])
    .execute();
  await db.schema.createIndex('ideas_participant').on('ideas').column('participant_id').execute();

  // Kept apart from the idea so lists never read image bytes; base64 text keeps one shape on both engines.
  await db.schema
    .createTable('idea_images')
    .addColumn('idea_id', 'text', (c) => c.primaryKey().references('ideas.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('idea_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('staff_id', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('hidden_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idea_comments_idea')
    .on('idea_comments')
    .columns(['idea_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('idea_supports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
    // Who supports: 'p:<participant id>' or 's:<staff id>', so one unique index allows one support each.
    .addColumn('supporter', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('idea_supports_one_each')
    .on('idea_supports')
    .columns(['idea_id', 'supporter'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idea_supports').execute();
  await db.schema.dropTable('idea_comments').execute();
  await db.schema.dropTable('idea_images').execute();
  await db.schema.dropTable('ideas').execute();
}
