// The conversations capability's tables and their mapping to the domain. A conversation is a
// Pol.is-style opinion conversation in an initiative: statements (seeded by staff, added by
// participants, or imported from a Pol.is export) that people vote agree / disagree / pass on. The
// stored analysis result is what pages read, so no request waits on the math.

/** One conversation of an initiative. */
export interface ConversationsTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  question: string;
  topic: string;
  statement_max_length: number;
  /** 'before' (statements wait for approval) or 'after' (shown at once, hidden if need be). */
  moderation: string;
  /** 'draft', 'open' or 'closed'. */
  status: string;
  next_number: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A statement of a conversation. */
export interface ConversationStatementsTable {
  id: string;
  organization_id: string;
  conversation_id: string;
  number: number;
  body: string;
  body_key: string;
  source: string;
  author_participant_id: string | null;
  author_key: string;
  status: string;
  moderation_reason: string;
  moderated_by: string | null;
  moderated_at: string | null;
  created_at: string;
}

/** A vote: the latest one per voter and statement counts (a new vote replaces the old). */
export interface ConversationVotesTable {
  organization_id: string;
  conversation_id: string;
  statement_id: string;
  voter_key: string;
  participant_id: string | null;
  vote: number;
  voted_at: string;
}

/** The last analysis of a conversation, as JSON (see `StoredAnalysis`). */
export interface ConversationResultsTable {
  conversation_id: string;
  organization_id: string;
  vote_count: number;
  computed_at: string;
  result: string;
}

export const conversationStatuses = ['draft', 'open', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];
export const moderationModes = ['before', 'after'] as const;
export type ModerationMode = (typeof moderationModes)[number];
export const statementStatuses = ['pending', 'approved', 'hidden'] as const;
export type StatementStatus = (typeof statementStatuses)[number];
export type StatementSource = 'staff' | 'participant' | 'import';
/** Moderation reasons for hiding a statement (shown to staff, counted in the report). */
export const hideReasons = [
  'off_topic',
  'duplicate',
  'offensive',
  'personal_data',
  'unclear',
  'spam',
] as const;
export type HideReason = (typeof hideReasons)[number];
/** The statement length limit when staff set none (as Pol.is). */
export const DEFAULT_STATEMENT_LENGTH = 140;

/** A conversation as the use cases see it. */
export interface Conversation {
  id: string;
  organizationId: string;
  initiativeId: string;
  question: string;
  topic: string;
  statementMaxLength: number;
  moderation: ModerationMode;
  status: ConversationStatus;
  createdAt: string;
  updatedAt: string;
}

/** A statement as the use cases see it. */
export interface Statement {
  id: string;
  conversationId: string;
  number: number;
  body: string;
  source: StatementSource;
  authorParticipantId: string | null;
  authorKey: string;
  status: StatementStatus;
  moderationReason: string;
  moderatedAt: string | null;
  createdAt: string;
}

/** Maps a conversation row to the domain shape. */
export function toConversation(row: ConversationsTable): Conversation {
  return {
    id: row.id,
    organizationId: row.organization_id,
    initiativeId: row.initiative_id,
    question: row.question,
    topic: row.topic,
    statementMaxLength: Number(row.statement_max_length),
    moderation: row.moderation as ModerationMode,
    status: row.status as ConversationStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Maps a statement row to the domain shape. */
export function toStatement(row: ConversationStatementsTable): Statement {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    number: Number(row.number),
    body: row.body,
    source: row.source as StatementSource,
    authorParticipantId: row.author_participant_id,
    authorKey: row.author_key,
    status: row.status as StatementStatus,
    moderationReason: row.moderation_reason,
    moderatedAt: row.moderated_at,
    createdAt: row.created_at,
  };
}

/** Folds a statement for duplicate detection: case, accents kept, runs of spaces and end punctuation dropped. */
export function statementKey(body: string): string {
  return body
    .normalize('NFC')
    .toLocaleLowerCase('da')
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?]+$/u, '')
    .trim();
}
