import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import type { AnalysisInput, StoredAnalysis } from './analysis-result.js';
import { findResult, listStatements, listVotes, saveResult } from './conversations.repository.js';

// The job's adapter: load the votes, hand them to the analysis (in a worker), store what it found.

/** The analysis input of a conversation: its votes, statements, hidden ones and the previous groups. */
export async function loadAnalysisInput(
  db: Db,
  organizationId: string,
  conversationId: string,
): Promise<AnalysisInput> {
  const [statements, votes, previous] = await Promise.all([
    listStatements(db, organizationId, conversationId, ['approved', 'hidden']),
    listVotes(db, organizationId, conversationId),
    findResult(db, organizationId, conversationId),
  ]);
  const stored = previous ? (JSON.parse(previous.result) as StoredAnalysis) : undefined;
  return {
    votes: votes.map((v) => ({
      participantId: v.voterKey,
      statementId: v.statementId,
      vote: v.vote,
      timestamp: Date.parse(v.votedAt),
    })),
    statements: statements.map((s) => s.id),
    excluded: statements.filter((s) => s.status === 'hidden').map((s) => s.id),
    previousGroups: (stored?.groups ?? []).map((g) => ({ id: g.id, participants: g.participants })),
  };
}

/** Stores an analysis result with the number of votes it was computed from. */
export async function storeAnalysis(
  db: Db,
  organizationId: string,
  conversationId: string,
  input: AnalysisInput,
  result: StoredAnalysis,
): Promise<void> {
  await saveResult(db, organizationId, conversationId, {
    voteCount: input.votes.length,
    computedAt: nowIso(),
    result: JSON.stringify(result),
  });
}
