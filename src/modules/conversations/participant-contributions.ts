import type { Db } from '../../db/database.js';
import {
  statementsOfParticipant,
  unlinkParticipant,
  votesOfParticipant,
} from './conversations.repository.js';

/** A participant's own statements and votes in conversations (for "My data"). */
export interface MyConversationContributions {
  statements: { conversation: string; body: string; status: string; createdAt: string }[];
  votes: { conversation: string; statement: string; vote: 'agree' | 'disagree' | 'pass'; votedAt: string }[];
}

const voteName = (v: number) => (v === 1 ? 'agree' : v === -1 ? 'disagree' : 'pass');

/** Everything a participant contributed to the organization's conversations. */
export async function listMyConversationContributions(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<MyConversationContributions> {
  const [statements, votes] = await Promise.all([
    statementsOfParticipant(db, organizationId, participantId),
    votesOfParticipant(db, organizationId, participantId),
  ]);
  return {
    statements: statements.map((s) => ({
      conversation: s.question,
      body: s.body,
      status: s.status,
      createdAt: s.createdAt,
    })),
    votes: votes.map((v) => ({
      conversation: v.question,
      statement: v.statement,
      vote: voteName(v.vote),
      votedAt: v.votedAt,
    })),
  };
}

/**
 * On erasure: the participant's statements lose their author and their votes their link (the opinion
 * map keeps them as anonymous input); stored results that held their key are dropped and rerun.
 */
export async function unlinkMyConversationContributions(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await unlinkParticipant(db, organizationId, participantId);
}
