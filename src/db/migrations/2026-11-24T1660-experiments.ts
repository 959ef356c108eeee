import type { Kysely } from 'kysely';

// Experiments and pilots: hypothesis, measure, method, users tested, results, learnings, decision.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('experiments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('department_id', 'text', (c) => c.references('departments.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('we_believe', 'text', (c) => c.notNull())
    .addColumn('for_whom', 'text', (c) => c.notNull())
    .addColumn('will_result_in', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('success_criterion', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('pilot_site', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    /** JSON lists of the ideas and prototypes it tests. */
    .addColumn('idea_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('prototype_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('users_tested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('user_segments', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('results', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('learnings', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('experiments_org_initiative')
    .on('experiments')
    .columns(['organization_id', 'initiative_id'])
    .execute();
  await db.schema
    .createIndex('experiments_org_decided')
    .on('experiments')
    .columns(['organization_id', 'decided_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('experiments').execute();
}
