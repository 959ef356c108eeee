import { kmeans, silhouette, type Cluster } from './kmeans.js';
import type { VoteMatrix } from './matrix.js';
import { principalComponents, projectParticipants, type Pca } from './pca.js';
import {
  countGroupVotes,
  divisiveStatements,
  groupInformedConsensus,
  representativeStatements,
  type RepresentativeStatement,
  type ScoredStatement,
} from './repness.js';

/** A group from an earlier run, so the new groups can keep their ids. */
export interface PreviousGroup {
  id: number;
  participants: readonly string[];
}

export interface OpinionOptions {
  /** Statement ids moderated out: left out of the maths and of the results, as in Pol.is. */
  excludedStatements?: readonly string[];
  /** The groups of the previous run: each new group takes the id of the old group it overlaps most. */
  previousGroups?: readonly PreviousGroup[];
  /** Seed of the PCA's start vectors; the same seed and input give the same output. */
  seed?: number;
  /** Pol.is: a participant takes part with at least min(7, statements) votes. */
  minVotes?: number;
  /** Pol.is: when fewer participants qualify, the most active ones are added up to this many (15). */
  minParticipants?: number;
  /** Pol.is: 100 base clusters. */
  baseClusters?: number;
  /** Pol.is: at most 5 groups. */
  maxGroups?: number;
  /** Representative statements per group (Pol.is: 5). */
  representativeLimit?: number;
  maxPcaIterations?: number;
}

/** A representative statement with its statement id. */
export interface Representative extends RepresentativeStatement {
  statementId: string;
}

/** An opinion group: members (as ids and as row indices), centre on the map, and what sets it apart. */
export interface OpinionGroup {
  id: number;
  participants: string[];
  members: Int32Array;
  center: [number, number];
  representative: Representative[];
}

/** A statement with a score and its id. */
export interface ScoredStatementId extends ScoredStatement {
  statementId: string;
}

/** Everything the opinion analysis finds. Row indices refer to `matrix.participants`. */
export interface OpinionAnalysis {
  participantsIncluded: number;
  /** Per participant: 1 when they had enough votes to take part in the clustering. */
  included: Uint8Array;
  /** Per participant: the index into `groups`, or −1. */
  groupOf: Int32Array;
  pca: Pca;
  /** Every participant's position on the opinion map (also those not included). */
  x: Float64Array;
  y: Float64Array;
  baseClusters: Cluster[];
  /** The silhouette of each k tried; the chosen k has the highest. */
  silhouettes: { k: number; silhouette: number }[];
  groups: OpinionGroup[];
  consensus: ScoredStatementId[];
  divisive: ScoredStatementId[];
}

/**
 * The Pol.is opinion analysis on a vote matrix: participant inclusion, PCA with missing votes, the
 * sparsity-aware projection, 100 base clusters by k-means, groups by weighted k-means over the base
 * clusters with k from 2 to 5 chosen by silhouette, representative statements per group, group-informed
 * consensus and the most divisive statements. Pure and deterministic.
 */
export function analyseOpinions(matrix: VoteMatrix, options: OpinionOptions = {}): OpinionAnalysis {
  const nP = matrix.participants.length;
  const nS = matrix.statements.length;
  const excluded = new Uint8Array(nS);
  if (options.excludedStatements) {
    const ids = new Set(options.excludedStatements);
    matrix.statements.forEach((id, s) => {
      if (ids.has(id)) excluded[s] = 1;
    });
  }

  const included = selectParticipants(matrix, options.minVotes ?? 7, options.minParticipants ?? 15);
  const pca = principalComponents(matrix, {
    excluded,
    seed: options.seed ?? 1,
    ...(options.maxPcaIterations === undefined ? {} : { maxIterations: options.maxPcaIterations }),
  });
  const { x, y } = projectParticipants(matrix, pca, excluded);

  // Base clusters over the included participants' positions, in row order.
  const rows: number[] = [];
  for (let p = 0; p < nP; p++) if (included[p]) rows.push(p);
  const px = Float64Array.from(rows, (p) => x[p]!);
  const py = Float64Array.from(rows, (p) => y[p]!);
  const baseClusters = kmeans(px, py, options.baseClusters ?? 100, { maxIterations: 100 }).map((c) => ({
    ...c,
    members: c.members.map((i) => rows[i]!),
  }));

  const { clusters: groupClusters, silhouettes } = clusterGroups(baseClusters, options.maxGroups ?? 5);
  const ordered = assignIds(groupClusters, matrix.participants, options.previousGroups);

  const groupOf = new Int32Array(nP).fill(-1);
  ordered.forEach((group, g) => {
    for (const p of group.members) groupOf[p] = g;
  });
  const counts = countGroupVotes(matrix, groupOf, ordered.length);
  const named = <T extends { statement: number }>(item: T) => ({
    ...item,
    statementId: matrix.statements[item.statement]!,
  });
  const groups: OpinionGroup[] = ordered.map((group, g) => ({
    id: group.id,
    participants: Array.from(group.members, (p) => matrix.participants[p]!),
    members: group.members,
    center: group.center,
    representative: representativeStatements(counts, g, excluded, options.representativeLimit ?? 5).map(
      named,
    ),
  }));

  return {
    participantsIncluded: rows.length,
    included,
    groupOf,
    pca,
    x,
    y,
    baseClusters,
    silhouettes,
    groups,
    consensus: groupInformedConsensus(counts, excluded).map(named),
    divisive: divisiveStatements(counts, excluded).map(named),
  };
}

/**
 * Pol.is' inclusion rule: at least min(minVotes, number of statements with votes) votes, counting votes on
 * moderated-out statements too; if that leaves fewer than `minParticipants`, the most active others join
 * (ties broken by row order) so a young conversation still has a map.
 */
export function selectParticipants(
  matrix: VoteMatrix,
  minVotes: number,
  minParticipants: number,
): Uint8Array {
  const nP = matrix.participants.length;
  const hasVotes = new Uint8Array(matrix.statements.length);
  for (const s of matrix.columns) hasVotes[s] = 1;
  let nColumns = 0;
  for (const h of hasVotes) nColumns += h;
  const threshold = Math.min(minVotes, nColumns);
  const included = new Uint8Array(nP);
  let count = 0;
  const votes = (p: number) => matrix.rowStart[p + 1]! - matrix.rowStart[p]!;
  for (let p = 0; p < nP; p++) {
    if (votes(p) > 0 && votes(p) >= threshold) {
      included[p] = 1;
      count++;
    }
  }
  if (count < minParticipants) {
    const others: number[] = [];
    for (let p = 0; p < nP; p++) if (!included[p] && votes(p) > 0) others.push(p);
    others.sort((a, b) => votes(b) - votes(a) || a - b);
    for (const p of others.slice(0, minParticipants - count)) included[p] = 1;
  }
  return included;
}

/** A group before it gets its final id: its members as row indices. */
interface RawGroup {
  members: Int32Array;
  center: [number, number];
}

/**
 * Groups the base clusters: weighted k-means over their centres for k = 2 .. min(maxGroups, 2 + ⌊bases/12⌋),
 * keeping the k with the best silhouette (the larger k on a tie, as Pol.is' max-key does).
 */
export function clusterGroups(
  baseClusters: readonly Cluster[],
  maxGroups: number,
): { clusters: RawGroup[]; silhouettes: { k: number; silhouette: number }[] } {
  const n = baseClusters.length;
  const all = (): RawGroup[] =>
    n === 0
      ? []
      : [{ members: concat(baseClusters.map((c) => c.members)), center: weightedCentre(baseClusters) }];
  if (n < 2) return { clusters: all(), silhouettes: [] };
  const bx = Float64Array.from(baseClusters, (c) => c.center[0]);
  const by = Float64Array.from(baseClusters, (c) => c.center[1]);
  const weights = Float64Array.from(baseClusters, (c) => c.members.length);
  const maxK = Math.min(maxGroups, 2 + Math.floor(n / 12));
  let best: Cluster[] | undefined;
  let bestScore = -Infinity;
  const silhouettes: { k: number; silhouette: number }[] = [];
  for (let k = 2; k <= maxK; k++) {
    const clusters = kmeans(bx, by, k, { weights, maxIterations: 20 });
    const labels = new Int32Array(n);
    clusters.forEach((c, label) => {
      for (const b of c.members) labels[b] = label;
    });
    const score = silhouette(bx, by, labels);
    silhouettes.push({ k, silhouette: score });
    if (score >= bestScore) {
      bestScore = score;
      best = clusters;
    }
  }
  if (!best || best.length < 2) return { clusters: all(), silhouettes };
  return {
    clusters: best.map((group) => ({
      members: concat(Array.from(group.members, (b) => baseClusters[b]!.members)),
      center: group.center,
    })),
    silhouettes,
  };
}

function concat(parts: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out.sort();
}

function weightedCentre(clusters: readonly Cluster[]): [number, number] {
  let x = 0;
  let y = 0;
  let w = 0;
  for (const c of clusters) {
    x += c.center[0] * c.members.length;
    y += c.center[1] * c.members.length;
    w += c.members.length;
  }
  return w > 0 ? [x / w, y / w] : [0, 0];
}

/**
 * Gives the groups their ids. Without previous groups: 0, 1, ... from the largest group down. With them:
 * the one-to-one matching of new to previous groups that shares the most participants (every matching is
 * tried; there are at most 5 groups) keeps the previous ids; unmatched new groups take the smallest id
 * used by neither. Returned in id order.
 */
export function assignIds(
  groups: readonly RawGroup[],
  participants: readonly string[],
  previous?: readonly PreviousGroup[],
): (RawGroup & { id: number })[] {
  const bySize = [...groups].sort(
    (a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!,
  );
  if (!previous || previous.length === 0) return bySize.map((group, id) => ({ ...group, id }));
  const index = new Map<string, number>();
  participants.forEach((id, p) => index.set(id, p));
  const overlap = bySize.map((group) => {
    const members = new Set(group.members);
    return previous.map((old) => old.participants.filter((id) => members.has(index.get(id) ?? -1)).length);
  });
  // Exhaustive search over matchings: new group i takes previous group choice[i] (or none, −1). Only
  // overlapping pairs are tried, and both sides have at most maxGroups members in practice.
  let bestChoice: number[] = [];
  let bestTotal = -1;
  const choice: number[] = [];
  const used = new Set<number>();
  const search = (i: number, total: number) => {
    if (i === bySize.length) {
      if (total > bestTotal) {
        bestTotal = total;
        bestChoice = [...choice];
      }
      return;
    }
    for (let j = 0; j < previous.length; j++) {
      if (used.has(j) || overlap[i]![j]! === 0) continue;
      used.add(j);
      choice.push(j);
      search(i + 1, total + overlap[i]![j]!);
      choice.pop();
      used.delete(j);
    }
    choice.push(-1);
    search(i + 1, total);
    choice.pop();
  };
  search(0, 0);
  const taken = new Set(previous.map((old) => old.id));
  const result = bySize.map((group, i) => {
    const j = bestChoice[i] ?? -1;
    if (j >= 0) return { ...group, id: previous[j]!.id };
    let id = 0;
    while (taken.has(id)) id++;
    taken.add(id);
    return { ...group, id };
  });
  return result.sort((a, b) => a.id - b.id);
}
