import type { Kysely } from 'kysely';

// Telling contributors: who unsubscribed from follow-up mail, and headers an outbox message carries
// (List-Unsubscribe for one-click unsubscribing, RFC 8058).
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('follow_up_subscriptions')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
    // Null while subscribed (after re-subscribing); a row exists only once someone chose.
    .addColumn('unsubscribed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follow_up_subscriptions_pk', ['organization_id', 'participant_id'])
    .execute();
  // A JSON object of extra header lines; null for plain messages.
  await db.schema.alterTable('mail_outbox').addColumn('headers', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('headers').execute();
  await db.schema.dropTable('follow_up_subscriptions').execute();
}
