import type { Kysely } from 'kysely';

// Decisions in an initiative and the links to the inputs that shaped them ("you said, we did").
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('not_adopted_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decisions_org_initiative')
    .on('decisions')
    .columns(['organization_id', 'initiative_id'])
    .execute();
  // A link knows the input's kind, id and contributor, so telling contributors and influence
  // metrics can follow without reading the other modules' tables.
  await db.schema
    .createTable('decision_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('input_kind', 'text', (c) => c.notNull())
    .addColumn('input_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text')
    .addColumn('linked_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decision_links_once', ['decision_id', 'input_kind', 'input_id'])
    .execute();
  await db.schema
    .createIndex('decision_links_org_input')
    .on('decision_links')
    .columns(['organization_id', 'input_kind', 'input_id'])
    .execute();
  await db.schema
    .createIndex('decision_links_org_participant')
    .on('decision_links')
    .columns(['organization_id', 'participant_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('decision_links').execute();
  await db.schema.dropTable('decisions').execute();
}
