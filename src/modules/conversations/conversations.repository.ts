import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { newId } from '../../platform/clock.js';
import {
  statementKey,
  toConversation,
  toStatement,
  type Conversation,
  type ConversationsTable,
  type Statement,
  type StatementSource,
  type StatementStatus,
} from './conversations.table.js';

// The only place the conversations capability's SQL lives. Every query is scoped by organization_id.

/** The fields of a conversation that staff write. */
export type ConversationFields = Pick<
  ConversationsTable,
  'question' | 'topic' | 'statement_max_length' | 'moderation'
>;

/** Stores a new draft conversation. */
export async function insertConversation(
  db: Db,
  organizationId: string,
  initiativeId: string,
  fields: ConversationFields,
  meta: { createdBy: string | null; now: string; status?: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('conversations')
    .values({
      id,
      organization_id: organizationId,
      initiative_id: initiativeId,
      ...fields,
      status: meta.status ?? 'draft',
      next_number: 0,
      created_by: meta.createdBy,
      created_at: meta.now,
      updated_at: meta.now,
    })
    .execute();
  return id;
}

/** Changes a conversation's fields or status. */
export async function updateConversationRow(
  db: Db,
  organizationId: string,
  id: string,
  fields: Partial<ConversationFields> & { status?: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ ...fields, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** One conversation of the organization, or undefined. */
export async function findConversation(
  db: Db,
  organizationId: string,
  id: string,
): Promise<Conversation | undefined> {
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toConversation(row) : undefined;
}

/** An initiative's conversations, newest first. */
export async function listConversationRows(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<Conversation[]> {
  const rows = await db
    .selectFrom('conversations')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toConversation);
}

/** Takes the conversation's next statement number (inside the caller's transaction). */
async function takeNumber(db: Db, organizationId: string, conversationId: string): Promise<number> {
  const row = await db
    .updateTable('conversations')
    .set({ next_number: sql`next_number + 1` })
    .where('organization_id', '=', organizationId)
    .where('id', '=', conversationId)
    .returning('next_number')
    .executeTakeFirstOrThrow();
  return Number(row.next_number) - 1;
}

/** A new statement as use cases hand it over. */
export interface NewStatement {
  body: string;
  source: StatementSource;
  authorParticipantId: string | null;
  authorKey?: string;
  status: StatementStatus;
  moderatedBy?: string | null;
  createdAt: string;
  /** An imported statement keeps its Pol.is comment id as its number. */
  number?: number;
}

/** Stores a statement with the next number (or the given one). */
export async function insertStatement(
  db: Db,
  organizationId: string,
  conversationId: string,
  s: NewStatement,
): Promise<Statement> {
  const id = newId();
  const number = s.number ?? (await takeNumber(db, organizationId, conversationId));
  const row = {
    id,
    organization_id: organizationId,
    conversation_id: conversationId,
    number,
    body: s.body,
    body_key: statementKey(s.body),
    source: s.source,
    author_participant_id: s.authorParticipantId,
    author_key: s.authorKey ?? '',
    status: s.status,
    moderation_reason: '',
    moderated_by: s.moderatedBy ?? null,
    moderated_at: s.status === 'pending' ? null : s.createdAt,
    created_at: s.createdAt,
  };
  await db.insertInto('conversation_statements').values(row).execute();
  return toStatement(row);
}

/** Moves the numbering past imported statement numbers. */
export async function setNextNumber(
  db: Db,
  organizationId: string,
  conversationId: string,
  next: number,
): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ next_number: next })
    .where('organization_id', '=', organizationId)
    .where('id', '=', conversationId)
    .execute();
}

/** Whether the conversation already has this statement (compared folded). */
export async function hasStatementLike(
  db: Db,
  organizationId: string,
  conversationId: string,
  body: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('conversation_statements')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId)
    .where('body_key', '=', statementKey(body))
    .executeTakeFirst();
  return row !== undefined;
}

/** One statement of a conversation, or undefined. */
export async function findStatement(
  db: Db,
  organizationId: string,
  conversationId: string,
  statementId: string,
): Promise<Statement | undefined> {
  const row = await db
    .selectFrom('conversation_statements')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId)
    .where('id', '=', statementId)
    .executeTakeFirst();
  return row ? toStatement(row) : undefined;
}

/** A conversation's statements in number order, optionally only those of some statuses. */
export async function listStatements(
  db: Db,
  organizationId: string,
  conversationId: string,
  statuses?: readonly StatementStatus[],
): Promise<Statement[]> {
  let query = db
    .selectFrom('conversation_statements')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId);
  if (statuses) query = query.where('status', 'in', [...statuses]);
  const rows = await query.orderBy('number').execute();
  return rows.map(toStatement);
}

/** How many statements a participant added to a conversation since `since` (for the rate limit). */
export async function countStatementsSince(
  db: Db,
  organizationId: string,
  conversationId: string,
  participantId: string,
  since: string,
): Promise<number> {
  const row = await db
    .selectFrom('conversation_statements')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId)
    .where('author_participant_id', '=', participantId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Approves or hides a statement. */
export async function setStatementStatus(
  db: Db,
  organizationId: string,
  statementId: string,
  change: { status: StatementStatus; reason: string; by: string | null; at: string },
): Promise<void> {
  await db
    .updateTable('conversation_statements')
    .set({
      status: change.status,
      moderation_reason: change.reason,
      moderated_by: change.by,
      moderated_at: change.at,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', statementId)
    .execute();
}

/** A vote row as use cases hand it over. */
export interface VoteInput {
  statementId: string;
  voterKey: string;
  participantId: string | null;
  vote: -1 | 0 | 1;
  votedAt: string;
}

/** Stores a vote; a later vote of the same voter on the same statement replaces the earlier one. */
export async function upsertVote(
  db: Db,
  organizationId: string,
  conversationId: string,
  v: VoteInput,
): Promise<void> {
  await db
    .insertInto('conversation_votes')
    .values({
      organization_id: organizationId,
      conversation_id: conversationId,
      statement_id: v.statementId,
      voter_key: v.voterKey,
      participant_id: v.participantId,
      vote: v.vote,
      voted_at: v.votedAt,
    })
    .onConflict((oc) =>
      oc
        .columns(['conversation_id', 'voter_key', 'statement_id'])
        .doUpdateSet({ vote: v.vote, voted_at: v.votedAt }),
    )
    .execute();
}

/** The statements a voter has voted on in a conversation. */
export async function votedStatementIds(
  db: Db,
  organizationId: string,
  conversationId: string,
  voterKey: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('conversation_votes')
    .select('statement_id')
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId)
    .where('voter_key', '=', voterKey)
    .execute();
  return new Set(rows.map((r) => r.statement_id));
}

/** Votes per statement of a conversation. */
export async function voteCountsByStatement(
  db: Db,
  organizationId: string,
  conversationId: string,
): Promise<Map<string, { agree: number; disagree: number; pass: number }>> {
  const rows = await db
    .selectFrom('conversation_votes')
    .select(['statement_id', 'vote', (eb) => eb.fn.countAll().as('n')])
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId)
    .groupBy(['statement_id', 'vote'])
    .execute();
  const out = new Map<string, { agree: number; disagree: number; pass: number }>();
  for (const r of rows) {
    const c = out.get(r.statement_id) ?? { agree: 0, disagree: 0, pass: 0 };
    const v = Number(r.vote);
    if (v === 1) c.agree += Number(r.n);
    else if (v === -1) c.disagree += Number(r.n);
    else c.pass += Number(r.n);
    out.set(r.statement_id, c);
  }
  return out;
}

/** How many votes a conversation holds. */
export async function countVotes(db: Db, organizationId: string, conversationId: string): Promise<number> {
  const row = await db
    .selectFrom('conversation_votes')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A stored vote with the statement's number. */
export interface VoteRow {
  statementId: string;
  voterKey: string;
  vote: -1 | 0 | 1;
  votedAt: string;
}

/** Every vote of a conversation, oldest first. */
export async function listVotes(db: Db, organizationId: string, conversationId: string): Promise<VoteRow[]> {
  const rows = await db
    .selectFrom('conversation_votes')
    .select(['statement_id', 'voter_key', 'vote', 'voted_at'])
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId)
    .orderBy('voted_at')
    .orderBy('voter_key')
    .orderBy('statement_id')
    .execute();
  return rows.map((r) => ({
    statementId: r.statement_id,
    voterKey: r.voter_key,
    vote: Number(r.vote) as -1 | 0 | 1,
    votedAt: r.voted_at,
  }));
}

/** Stores (replaces) a conversation's analysis result. */
export async function saveResult(
  db: Db,
  organizationId: string,
  conversationId: string,
  r: { voteCount: number; computedAt: string; result: string },
): Promise<void> {
  await db
    .insertInto('conversation_results')
    .values({
      conversation_id: conversationId,
      organization_id: organizationId,
      vote_count: r.voteCount,
      computed_at: r.computedAt,
      result: r.result,
    })
    .onConflict((oc) =>
      oc.column('conversation_id').doUpdateSet({
        vote_count: r.voteCount,
        computed_at: r.computedAt,
        result: r.result,
      }),
    )
    .execute();
}

/** A conversation's stored analysis result, or undefined before the first run. */
export async function findResult(
  db: Db,
  organizationId: string,
  conversationId: string,
): Promise<{ voteCount: number; computedAt: string; result: string } | undefined> {
  const row = await db
    .selectFrom('conversation_results')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
  return row
    ? { voteCount: Number(row.vote_count), computedAt: row.computed_at, result: row.result }
    : undefined;
}

/** A participant's statements in every conversation of the organization. */
export async function statementsOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<(Statement & { question: string })[]> {
  const rows = await db
    .selectFrom('conversation_statements as s')
    .innerJoin('conversations as c', 'c.id', 's.conversation_id')
    .selectAll('s')
    .select('c.question')
    .where('s.organization_id', '=', organizationId)
    .where('s.author_participant_id', '=', participantId)
    .orderBy('s.created_at')
    .execute();
  return rows.map((r) => ({ ...toStatement(r), question: r.question }));
}

/** A participant's votes in every conversation of the organization, with the statements' text. */
export async function votesOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<{ conversationId: string; question: string; statement: string; vote: number; votedAt: string }[]> {
  const rows = await db
    .selectFrom('conversation_votes as v')
    .innerJoin('conversation_statements as s', 's.id', 'v.statement_id')
    .innerJoin('conversations as c', 'c.id', 'v.conversation_id')
    .select(['v.conversation_id', 'c.question', 's.body', 'v.vote', 'v.voted_at'])
    .where('v.organization_id', '=', organizationId)
    .where('v.participant_id', '=', participantId)
    .orderBy('v.voted_at')
    .orderBy('s.number')
    .execute();
  return rows.map((r) => ({
    conversationId: r.conversation_id,
    question: r.question,
    statement: r.body,
    vote: Number(r.vote),
    votedAt: r.voted_at,
  }));
}

/**
 * Unlinks a participant from what they contributed: their statements lose their author, their votes
 * move to a fresh random voter key per conversation (the opinion map keeps the votes, linked to
 * nobody), and the stored results of those conversations are dropped so the next run forgets them.
 */
export async function unlinkParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await db
    .updateTable('conversation_statements')
    .set({ author_participant_id: null })
    .where('organization_id', '=', organizationId)
    .where('author_participant_id', '=', participantId)
    .execute();
  const conversations = await db
    .selectFrom('conversation_votes')
    .select('conversation_id')
    .distinct()
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
  for (const { conversation_id } of conversations) {
    await db
      .updateTable('conversation_votes')
      .set({ participant_id: null, voter_key: `erased-${newId()}` })
      .where('organization_id', '=', organizationId)
      .where('conversation_id', '=', conversation_id)
      .where('participant_id', '=', participantId)
      .execute();
    await db
      .deleteFrom('conversation_results')
      .where('organization_id', '=', organizationId)
      .where('conversation_id', '=', conversation_id)
      .execute();
  }
}

/** An imported statement (from a Pol.is export). */
export interface ImportedStatement {
  number: number;
  body: string;
  authorKey: string;
  status: StatementStatus;
  createdAt: string;
}

/**
 * Stores imported statements in bulk; returns their ids by Pol.is comment id. Pol.is conversations can
 * hold the same text twice under two ids, so a repeated text's duplicate key gets its number appended.
 */
export async function insertImportedStatements(
  db: Db,
  organizationId: string,
  conversationId: string,
  statements: ImportedStatement[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const keys = new Set<string>();
  const rows = statements.map((s) => {
    const id = newId();
    ids.set(String(s.number), id);
    let key = statementKey(s.body);
    if (keys.has(key)) key = `${key}#${s.number}`;
    keys.add(key);
    return {
      id,
      organization_id: organizationId,
      conversation_id: conversationId,
      number: s.number,
      body: s.body,
      body_key: key,
      source: 'import',
      author_participant_id: null,
      author_key: s.authorKey,
      status: s.status,
      moderation_reason: '',
      moderated_by: null,
      moderated_at: s.status === 'pending' ? null : s.createdAt,
      created_at: s.createdAt,
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('conversation_statements')
      .values(rows.slice(i, i + 200))
      .execute();
  return ids;
}

/** Stores imported votes in bulk (one per voter and statement). */
export async function insertImportedVotes(
  db: Db,
  organizationId: string,
  conversationId: string,
  votes: VoteInput[],
): Promise<void> {
  const rows = votes.map((v) => ({
    organization_id: organizationId,
    conversation_id: conversationId,
    statement_id: v.statementId,
    voter_key: v.voterKey,
    participant_id: v.participantId,
    vote: v.vote,
    voted_at: v.votedAt,
  }));
  // 7 columns a row: 500 rows stay under SQLite's and PostgreSQL's bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('conversation_votes')
      .values(rows.slice(i, i + 500))
      .execute();
}
