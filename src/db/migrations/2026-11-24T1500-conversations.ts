import type { Kysely } from 'kysely';

// Conversations (Pol.is-style opinion conversations), their statements, votes and stored analysis.
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on today's types */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('initiative_id', 'text', (c) => c.notNull().references('initiatives.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('statement_max_length', 'integer', (c) => c.notNull().defaultTo(140))
    .addColumn('moderation', 'text', (c) => c.notNull().defaultTo('before'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    // The next statement number: statements are numbered 0, 1, 2 … like Pol.is comment ids.
    .addColumn('next_number', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversations_org_initiative')
    .on('conversations')
    .columns(['organization_id', 'initiative_id'])
    .execute();

  await db.schema
    .createTable('conversation_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // The body folded (case, spacing) so the same statement cannot be added twice.
    .addColumn('body_key', 'text', (c) => c.notNull())
    // 'staff', 'participant' or 'import'.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('author_participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    // An imported statement's author as in the Pol.is export.
    .addColumn('author_key', 'text', (c) => c.notNull().defaultTo(''))
    // 'pending', 'approved' or 'hidden'.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('moderation_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('moderated_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('moderated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('conversation_statements_number')
    .on('conversation_statements')
    .columns(['conversation_id', 'number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('conversation_statements_body_key')
    .on('conversation_statements')
    .columns(['conversation_id', 'body_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('conversation_statements_author')
    .on('conversation_statements')
    .columns(['author_participant_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('conversation_votes')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('conversation_id', 'text', (c) =>
      c.notNull().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('statement_id', 'text', (c) =>
      c.notNull().references('conversation_statements.id').onDelete('cascade'),
    )
    // Who voted as the analysis sees them: the participant id, an imported voter id, or after
    // erasure a random key that links to nobody.
    .addColumn('voter_key', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participants.id').onDelete('set null'))
    .addColumn('vote', 'integer', (c) => c.notNull())
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('conversation_votes_pk', ['conversation_id', 'voter_key', 'statement_id'])
    .execute();
  await db.schema
    .createIndex('conversation_votes_statement')
    .on('conversation_votes')
    .columns(['statement_id'])
    .execute();
  await db.schema
    .createIndex('conversation_votes_participant')
    .on('conversation_votes')
    .columns(['participant_id'])
    .execute();

  await db.schema
    .createTable('conversation_results')
    .addColumn('conversation_id', 'text', (c) =>
      c.primaryKey().references('conversations.id').onDelete('cascade'),
    )
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organizations.id').onDelete('cascade'),
    )
    .addColumn('vote_count', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('conversation_results').execute();
  await db.schema.dropTable('conversation_votes').execute();
  await db.schema.dropTable('conversation_statements').execute();
  await db.schema.dropTable('conversations').execute();
}
