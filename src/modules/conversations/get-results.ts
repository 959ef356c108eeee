import type { Kysely } from 'kysely';
import type { Database, Db } from '../../db/database.js';
import { requestAnalysis } from './analysis-scheduler.js';
import type { StoredAnalysis } from './analysis-result.js';
import { countVotes, findResult, listStatements } from './conversations.repository.js';
import type { Conversation, Statement } from './conversations.table.js';

/** A conversation's results as pages show them: the stored analysis and the statements it names. */
export interface ConversationResults {
  analysis: StoredAnalysis | undefined;
  computedAt: string | undefined;
  /** Whether votes arrived since the analysis ran (a new run has been asked for). */
  stale: boolean;
  statements: Map<string, Statement>;
}

/**
 * Reads the stored analysis (never computes it on the request); when it is missing or older than the
 * votes, asks the scheduler for a run, which pages show as "being updated".
 */
export async function readResults(
  db: Db,
  scheduler: Kysely<Database>,
  conversation: Conversation,
): Promise<ConversationResults> {
  const [stored, votes, statements] = await Promise.all([
    findResult(db, conversation.organizationId, conversation.id),
    countVotes(db, conversation.organizationId, conversation.id),
    listStatements(db, conversation.organizationId, conversation.id),
  ]);
  const stale = !stored || stored.voteCount !== votes;
  if (stale && votes > 0) requestAnalysis(scheduler, conversation.organizationId, conversation.id);
  return {
    analysis: stored ? (JSON.parse(stored.result) as StoredAnalysis) : undefined,
    computedAt: stored?.computedAt,
    stale: stale && votes > 0,
    statements: new Map(statements.map((s) => [s.id, s])),
  };
}
