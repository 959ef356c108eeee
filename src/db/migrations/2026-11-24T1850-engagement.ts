import type { Kysely } from 'kysely';

// Engagement: each organization's lapse setting, and "we miss you" campaigns with their recipients.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('engagement_settings')
    .addColumn('organization_id', 'text', (c) =>
      c.primaryKey().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('lapsed_after_days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('engagement_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('subject_en', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('subject_da', 'text', (c) => c.notNull())
    .addColumn('body_da', 'text', (c) => c.notNull())
    .addColumn('lapsed_after_days', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    // Null while a draft; set once, by a conditional update, so a campaign is sent once.
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('engagement_campaigns_org')
    .on('engagement_campaigns')
    .columns(['organization_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('engagement_campaign_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('campaign_id', 'text', (c) =>
      c.notNull().references('engagement_campaigns.id').onDelete('cascade'),
    )
    // Null after the participant erased their data: the row stays as an anonymous count.
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('last_activity_at', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('engagement_recipient_once', ['campaign_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('engagement_recipients_participant')
    .on('engagement_campaign_recipients')
    .columns(['organization_id', 'participant_id', 'sent_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('engagement_campaign_recipients').execute();
  await db.schema.dropTable('engagement_campaigns').execute();
  await db.schema.dropTable('engagement_settings').execute();
}
