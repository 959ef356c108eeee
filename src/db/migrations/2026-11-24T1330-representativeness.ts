import type { Kysely } from 'kysely';

// Target populations: per initiative and demographic attribute, the share of each category in the
// population the initiative is for (with its source and date) and optional quotas.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('target_populations')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('attribute_id', 'text', (c) =>
      c.notNull().references('demographic_attributes.id').onDelete('cascade'),
    )
    .addColumn('shares', 'text', (c) => c.notNull())
    .addColumn('quotas', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('target_populations_pk', ['initiative_id', 'attribute_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('target_populations').execute();
}
