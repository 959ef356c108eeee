import {
  analyseOpinions,
  buildVoteMatrix,
  type PreviousGroup,
  type VoteRecord,
} from '../../analysis/opinions/index.js';

// The stored form of a conversation's opinion analysis: plain JSON that the worker returns and the
// pages read. Voter keys are participant ids (or imported voter ids), never shown to participants.

/** What the analysis is run on: the votes, the statements in number order and those left out. */
export interface AnalysisInput {
  votes: VoteRecord[];
  statements: string[];
  /** Hidden statements: zeroed in the maths and left out of the results, as Pol.is' "mod-out". */
  excluded: string[];
  previousGroups: PreviousGroup[];
}

/** A participant on the opinion map. `group` is the group id, or null when not clustered. */
export interface MapPoint {
  key: string;
  x: number;
  y: number;
  group: number | null;
}

/** A representative statement of a group. */
export interface StoredRepresentative {
  statementId: string;
  direction: 'agree' | 'disagree';
  repness: number;
  /** The share of the group's members who voted on it and agreed. */
  agreeShare: number;
  nSeen: number;
}

/** An opinion group as stored. */
export interface StoredGroup {
  id: number;
  participants: string[];
  center: [number, number];
  representative: StoredRepresentative[];
}

/** A conversation's stored analysis. */
export interface StoredAnalysis {
  voters: number;
  participantsIncluded: number;
  points: MapPoint[];
  groups: StoredGroup[];
  consensus: { statementId: string; score: number }[];
  divisive: { statementId: string; score: number }[];
}

/** The fewest voters for a map: with fewer there is nothing to cluster. */
export const MIN_VOTERS_FOR_GROUPS = 4;
const LISTED = 10;
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Runs the Pol.is analysis (src/analysis/opinions) and keeps what the pages show. Pure and
 * deterministic: the same input gives the same output, so the worker and a test agree.
 */
export function analyseConversation(input: AnalysisInput): StoredAnalysis {
  const votes = input.votes.filter((v) => input.statements.includes(v.statementId));
  const matrix = buildVoteMatrix(votes, input.statements);
  const voters = matrix.participants.length;
  if (voters < MIN_VOTERS_FOR_GROUPS)
    return { voters, participantsIncluded: 0, points: [], groups: [], consensus: [], divisive: [] };
  // Pol.is' own settings throughout; with the votes' times, an imported conversation is analysed by the
  // Pol.is algorithm of its date (see `polisAlgorithmAt`), live ones by the current one.
  const analysis = analyseOpinions(matrix, {
    excludedStatements: input.excluded,
    previousGroups: input.previousGroups,
  });
  const groupIdOf = (p: number) => {
    const g = analysis.groupOf[p]!;
    return g < 0 ? null : analysis.groups[g]!.id;
  };
  return {
    voters,
    participantsIncluded: analysis.participantsIncluded,
    points: matrix.participants.map((key, p) => ({
      key,
      x: round(analysis.x[p]!),
      y: round(analysis.y[p]!),
      group: groupIdOf(p),
    })),
    groups: analysis.groups.map((g) => ({
      id: g.id,
      participants: g.participants,
      center: [round(g.center[0]), round(g.center[1])],
      representative: g.representative.map((r) => ({
        statementId: r.statementId,
        direction: r.direction,
        repness: round(r.repness),
        agreeShare: round(r.agreeShare),
        nSeen: r.nSeen,
      })),
    })),
    consensus: analysis.consensus
      .slice(0, LISTED)
      .map((c) => ({ statementId: c.statementId, score: round(c.score) })),
    divisive: analysis.divisive
      .slice(0, LISTED)
      .map((c) => ({ statementId: c.statementId, score: round(c.score) })),
  };
}
