import type { Kysely } from 'kysely';

// Whether a participant agrees to be quoted (without their name) on public "you said, we did" pages.
// Nobody is quotable unless they said so, hence the default.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('participants')
    .addColumn('quote_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('participants').dropColumn('quote_consent').execute();
}
