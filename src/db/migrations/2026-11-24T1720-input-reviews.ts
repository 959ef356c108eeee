import type { Kysely } from 'kysely';

// Closing the loop: which inputs staff have reviewed, and when a link's contributor was told.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('input_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('input_kind', 'text', (c) => c.notNull())
    .addColumn('input_id', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('input_reviews_once', ['organization_id', 'input_kind', 'input_id'])
    .execute();
  await db.schema
    .createIndex('input_reviews_org_initiative')
    .on('input_reviews')
    .columns(['organization_id', 'initiative_id'])
    .execute();
  // Null until the contributor was told about the link (by mail or on their own page).
  await db.schema.alterTable('decision_links').addColumn('told_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('decision_links').dropColumn('told_at').execute();
  await db.schema.dropTable('input_reviews').execute();
}
