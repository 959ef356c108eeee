import type { Kysely } from 'kysely';

// Influence settings: per organization, the thresholds of the token-risk flag (an organization
// without a row uses the defaults: closed more than 60 days, under 20 % of input answered).
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('influence_settings')
    .addColumn('organization_id', 'text', (c) =>
      c.primaryKey().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('closed_days', 'integer', (c) => c.notNull())
    .addColumn('response_share_percent', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('influence_settings').execute();
}
