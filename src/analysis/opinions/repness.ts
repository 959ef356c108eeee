import type { VoteMatrix } from './matrix.js';

/** Vote counts per group and statement: `agree[g * nStatements + s]`, likewise disagree and seen (any vote). */
export interface GroupVoteCounts {
  nGroups: number;
  nStatements: number;
  agree: Int32Array;
  disagree: Int32Array;
  seen: Int32Array;
}

/** Counts the votes of each group's members (`groupOf[p]`, −1 for participants outside every group). */
export function countGroupVotes(matrix: VoteMatrix, groupOf: Int32Array, nGroups: number): GroupVoteCounts {
  const nS = matrix.statements.length;
  const agree = new Int32Array(nGroups * nS);
  const disagree = new Int32Array(nGroups * nS);
  const seen = new Int32Array(nGroups * nS);
  const { rowStart, columns, values } = matrix;
  for (let p = 0; p < matrix.participants.length; p++) {
    const g = groupOf[p]!;
    if (g < 0) continue;
    const base = g * nS;
    for (let k = rowStart[p]!; k < rowStart[p + 1]!; k++) {
      const at = base + columns[k]!;
      seen[at]!++;
      const v = values[k]!;
      if (v === 1) agree[at]!++;
      else if (v === -1) disagree[at]!++;
    }
  }
  return { nGroups, nStatements: nS, agree, disagree, seen };
}

/** Pol.is' one-proportion z-test against 1/2, with a pseudocount on both counts. */
export function proportionTest(successes: number, trials: number): number {
  const s = successes + 1;
  const n = trials + 1;
  return 2 * Math.sqrt(n) * (s / n - 0.5);
}

/** Pol.is' two-proportion z-test (group vs the rest), with a pseudocount on all four counts. */
export function twoProportionTest(
  successIn: number,
  successOut: number,
  trialsIn: number,
  trialsOut: number,
): number {
  const s1 = successIn + 1;
  const s2 = successOut + 1;
  const n1 = trialsIn + 1;
  const n2 = trialsOut + 1;
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled === 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/** Significant at 90 % one-sided, as Pol.is tests. */
const significant = (z: number) => z > 1.2816;

/** The statistics Pol.is computes for one statement in one group, compared with all other groups. */
export interface StatementGroupStats {
  statement: number;
  nAgree: number;
  nDisagree: number;
  nSeen: number;
  /** Smoothed agree and disagree probabilities within the group: (1 + n) / (2 + seen). */
  pAgree: number;
  pDisagree: number;
  pAgreeTest: number;
  pDisagreeTest: number;
  /** Representativeness: the group's smoothed probability over the rest's. */
  rAgree: number;
  rDisagree: number;
  rAgreeTest: number;
  rDisagreeTest: number;
}

/** A representative statement of a group, in the direction (agree or disagree) that sets the group apart. */
export interface RepresentativeStatement {
  statement: number;
  direction: 'agree' | 'disagree';
  /** rAgree or rDisagree: how much likelier the group is to vote this way than the rest. */
  repness: number;
  repnessTest: number;
  /** The smoothed probability and its z-score in the chosen direction. */
  probability: number;
  probabilityTest: number;
  /** The share of the group's members who voted on the statement and agreed. */
  agreeShare: number;
  nAgree: number;
  nDisagree: number;
  nSeen: number;
  /** Pol.is' "best agree" statement, put first so each group shows something it agrees on. */
  bestAgree: boolean;
}

/** The statistics of every statement in group `g` (Pol.is `comment-stats` plus `add-comparitive-stats`). */
export function statementStats(counts: GroupVoteCounts, g: number, s: number): StatementGroupStats {
  const { nGroups, nStatements, agree, disagree, seen } = counts;
  const at = g * nStatements + s;
  const na = agree[at]!;
  const nd = disagree[at]!;
  const ns = seen[at]!;
  let restA = 0;
  let restD = 0;
  let restS = 0;
  for (let other = 0; other < nGroups; other++) {
    if (other === g) continue;
    const o = other * nStatements + s;
    restA += agree[o]!;
    restD += disagree[o]!;
    restS += seen[o]!;
  }
  const pAgree = (1 + na) / (2 + ns);
  const pDisagree = (1 + nd) / (2 + ns);
  return {
    statement: s,
    nAgree: na,
    nDisagree: nd,
    nSeen: ns,
    pAgree,
    pDisagree,
    pAgreeTest: proportionTest(na, ns),
    pDisagreeTest: proportionTest(nd, ns),
    rAgree: pAgree / ((1 + restA) / (2 + restS)),
    rDisagree: pDisagree / ((1 + restD) / (2 + restS)),
    rAgreeTest: twoProportionTest(na, restA, ns, restS),
    rDisagreeTest: twoProportionTest(nd, restD, ns, restS),
  };
}

function finalise(stats: StatementGroupStats, bestAgree: boolean): RepresentativeStatement {
  // Pol.is picks the direction by the larger two-proportion z; its "best agree" statement was chosen for
  // agreement, so it is shown as an agreement even when the z-scores tie (a statement every group agrees on).
  const agree = bestAgree || stats.rAgreeTest > stats.rDisagreeTest;
  return {
    statement: stats.statement,
    direction: agree ? 'agree' : 'disagree',
    repness: agree ? stats.rAgree : stats.rDisagree,
    repnessTest: agree ? stats.rAgreeTest : stats.rDisagreeTest,
    probability: agree ? stats.pAgree : stats.pDisagree,
    probabilityTest: agree ? stats.pAgreeTest : stats.pDisagreeTest,
    agreeShare: stats.nSeen > 0 ? stats.nAgree / stats.nSeen : 0,
    nAgree: stats.nAgree,
    nDisagree: stats.nDisagree,
    nSeen: stats.nSeen,
    bestAgree,
  };
}

const metric = (r: RepresentativeStatement) => r.repness * r.repnessTest * r.probability * r.probabilityTest;

function beatsBestAgree(stats: StatementGroupStats, best: StatementGroupStats | undefined): boolean {
  if (stats.nAgree === 0 && stats.nDisagree === 0) return false;
  if (best && best.rAgree > 1) {
    return (
      stats.rAgree * stats.rAgreeTest * stats.pAgree * stats.pAgreeTest >
      best.rAgree * best.rAgreeTest * best.pAgree * best.pAgreeTest
    );
  }
  if (best) return stats.pAgree * stats.pAgreeTest > best.pAgree * best.pAgreeTest;
  return significant(stats.pAgreeTest) || (stats.rAgree > 1 && stats.pAgree > 0.5);
}

/**
 * Pol.is' choice of representative statements for group `g`: those significantly more agreed (or
 * disagreed) with in the group than outside it (both z-tests at 90 %), ranked by
 * repness × its z × probability × its z, with the group's best agreed statement first, at most `limit`,
 * agreements before disagreements. When nothing passes, the best agreed (or else the best) statement.
 */
export function representativeStatements(
  counts: GroupVoteCounts,
  g: number,
  excluded?: Uint8Array,
  limit = 5,
): RepresentativeStatement[] {
  const sufficient: RepresentativeStatement[] = [];
  let best: RepresentativeStatement | undefined;
  let bestAgree: StatementGroupStats | undefined;
  for (let s = 0; s < counts.nStatements; s++) {
    if (excluded?.[s]) continue;
    const stats = statementStats(counts, g, s);
    // A statement no one in any group has seen says nothing about anyone.
    if (stats.nSeen === 0 && otherSeen(counts, g, s) === 0) continue;
    const passes =
      (significant(stats.rAgreeTest) && significant(stats.pAgreeTest)) ||
      (significant(stats.rDisagreeTest) && significant(stats.pDisagreeTest));
    if (passes) sufficient.push(finalise(stats, false));
    if (
      sufficient.length === 0 &&
      (!best || Math.max(stats.rAgreeTest, stats.rDisagreeTest) > best.repnessTest)
    )
      best = finalise(stats, false);
    if (beatsBestAgree(stats, bestAgree)) bestAgree = stats;
  }
  const head = bestAgree ? [finalise(bestAgree, true)] : best ? [best] : [];
  if (sufficient.length === 0) return head.slice(0, limit);
  const ranked = sufficient
    .filter((r) => r.statement !== bestAgree?.statement)
    .sort((a, b) => metric(b) - metric(a) || a.statement - b.statement);
  const chosen = [...(bestAgree ? [finalise(bestAgree, true)] : []), ...ranked].slice(0, limit);
  return [
    ...chosen.filter((r) => r.direction === 'agree'),
    ...chosen.filter((r) => r.direction === 'disagree'),
  ];
}

function otherSeen(counts: GroupVoteCounts, g: number, s: number): number {
  let total = 0;
  for (let other = 0; other < counts.nGroups; other++)
    if (other !== g) total += counts.seen[other * counts.nStatements + s]!;
  return total;
}

/** A statement with a score, e.g. its consensus or divisiveness. */
export interface ScoredStatement {
  statement: number;
  score: number;
}

/**
 * Group-informed consensus (Pol.is `group-aware-consensus`): per statement, the product over groups of the
 * smoothed probability that a member agrees, (1 + agrees) / (2 + votes). High only when every group agrees.
 * Sorted from most to least consensual.
 */
export function groupInformedConsensus(counts: GroupVoteCounts, excluded?: Uint8Array): ScoredStatement[] {
  const result: ScoredStatement[] = [];
  for (let s = 0; s < counts.nStatements; s++) {
    if (excluded?.[s]) continue;
    let score = 1;
    let seen = 0;
    for (let g = 0; g < counts.nGroups; g++) {
      const at = g * counts.nStatements + s;
      score *= (1 + counts.agree[at]!) / (2 + counts.seen[at]!);
      seen += counts.seen[at]!;
    }
    if (seen > 0) result.push({ statement: s, score });
  }
  return result.sort((a, b) => b.score - a.score || a.statement - b.statement);
}

/**
 * The most divisive statements: the spread (largest minus smallest) of the groups' smoothed agree
 * probabilities, so a statement one group embraces and another rejects ranks first. Sorted descending.
 */
export function divisiveStatements(counts: GroupVoteCounts, excluded?: Uint8Array): ScoredStatement[] {
  const result: ScoredStatement[] = [];
  if (counts.nGroups < 2) return result;
  for (let s = 0; s < counts.nStatements; s++) {
    if (excluded?.[s]) continue;
    let low = Infinity;
    let high = -Infinity;
    let seen = 0;
    for (let g = 0; g < counts.nGroups; g++) {
      const at = g * counts.nStatements + s;
      const p = (1 + counts.agree[at]!) / (2 + counts.seen[at]!);
      low = Math.min(low, p);
      high = Math.max(high, p);
      seen += counts.seen[at]!;
    }
    if (seen > 0) result.push({ statement: s, score: high - low });
  }
  return result.sort((a, b) => b.score - a.score || a.statement - b.statement);
}
