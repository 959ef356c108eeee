import { kmeans, kmeansBestOf, silhouette, type Cluster } from './kmeans.js';
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

/**
 * The parts of Pol.is' math that changed over its history (compdemocracy/polis, math/src/polismath; dates of
 * the commits from its git history). A Pol.is export carries the groups of the last update, computed by the
 * code of that time, so reproducing an old export needs the algorithm of its date.
 */
export interface PolisAlgorithm {
  /** Missing votes: the column mean over the votes cast (since 2017-10-21) or 0 (before). */
  imputation: 'mean' | 'zero';
  /** Excluded (moderated-out or meta) statements are zeroed columns in the PCA (since 2017-02-27). */
  zeroExcluded: boolean;
  /**
   * The zeroed columns count as votes when deciding who takes part (2017-02-27 to 2017-10-21, when the
   * counts were taken from the zeroed matrix; since then from the raw votes).
   */
  countExcludedAsVotes: boolean;
  /** Base clusters: 50, then 100 since 2017-04-14. */
  baseClusters: number;
  /** The sparsity-aware scaling sqrt(statements / votes) of the projection (since 2014-10-02). */
  scaleProjection: boolean;
}

/** The current algorithm (unchanged in these respects since late 2017). */
export const currentPolisAlgorithm: PolisAlgorithm = {
  imputation: 'mean',
  zeroExcluded: true,
  countExcludedAsVotes: false,
  baseClusters: 100,
  scaleProjection: true,
};

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** Pol.is did not exist before 2012: earlier "timestamps" are counters, not dates. */
const polisEpoch = utc('2012-01-01');

/** The algorithm Pol.is ran at `time` (milliseconds since 1970); the current one for anything else. */
export function polisAlgorithmAt(time: number | undefined): PolisAlgorithm {
  if (time === undefined || !Number.isFinite(time) || time < polisEpoch || time >= utc('2017-10-21'))
    return currentPolisAlgorithm;
  const zeroExcluded = time >= utc('2017-02-27');
  return {
    imputation: 'zero',
    zeroExcluded,
    countExcludedAsVotes: zeroExcluded,
    baseClusters: time >= utc('2017-04-14') ? 100 : 50,
    scaleProjection: time >= utc('2014-10-02'),
  };
}

export interface OpinionOptions {
  /**
   * Statement ids left out of the results and zeroed in the maths, as Pol.is does with its "mod-out" set:
   * the comments moderated out and the meta (demographic) comments.
   */
  excludedStatements?: readonly string[];
  /**
   * Which Pol.is algorithm: `auto` (default) takes the one Pol.is ran at the date of the last vote
   * (`matrix.lastVoteTime`), which is the current one for live data and for votes without real dates.
   */
  algorithm?: 'auto' | 'current' | PolisAlgorithm;
  /**
   * Extra k-means++ starts for the group clustering of the chosen k (default 10; 0 = Pol.is' cold start
   * alone). See `clusterGroups`.
   */
  groupRestarts?: number;
  /** The groups of the previous run: each new group takes the id of the old group it overlaps most. */
  previousGroups?: readonly PreviousGroup[];
  /** Seed of the PCA's start vectors; the same seed and input give the same output. */
  seed?: number;
  /** Pol.is: a participant takes part with at least min(7, statements) votes. */
  minVotes?: number;
  /** Pol.is: when fewer participants qualify, the most active ones are added up to this many (15). */
  minParticipants?: number;
  /** Pol.is: 100 base clusters (50 before 2017-04-14); overrides the algorithm's. */
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

  const algorithm =
    options.algorithm === 'current'
      ? currentPolisAlgorithm
      : options.algorithm === undefined || options.algorithm === 'auto'
        ? polisAlgorithmAt(matrix.lastVoteTime)
        : options.algorithm;
  // Before 2017-02-27 Pol.is kept moderated-out statements in the PCA and only left them out of the results.
  const zeroed = algorithm.zeroExcluded ? excluded : undefined;

  const included = selectParticipants(
    matrix,
    options.minVotes ?? 7,
    options.minParticipants ?? 15,
    algorithm.countExcludedAsVotes ? excluded : undefined,
  );
  const pca = principalComponents(matrix, {
    ...(zeroed ? { excluded: zeroed } : {}),
    seed: options.seed ?? 1,
    imputation: algorithm.imputation,
    ...(options.maxPcaIterations === undefined ? {} : { maxIterations: options.maxPcaIterations }),
  });
  const { x, y } = projectParticipants(matrix, pca, zeroed, algorithm.scaleProjection);

  // Base clusters over the included participants' positions, in row order.
  const rows: number[] = [];
  for (let p = 0; p < nP; p++) if (included[p]) rows.push(p);
  const px = Float64Array.from(rows, (p) => x[p]!);
  const py = Float64Array.from(rows, (p) => y[p]!);
  const baseK = options.baseClusters ?? algorithm.baseClusters;
  const baseClusters = kmeans(px, py, baseK, { maxIterations: 100 }).map((c) => ({
    ...c,
    members: c.members.map((i) => rows[i]!),
  }));

  const { clusters: groupClusters, silhouettes } = clusterGroups(
    baseClusters,
    options.maxGroups ?? 5,
    options.groupRestarts ?? 10,
  );
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
 * (ties broken by row order) so a young conversation still has a map. With `zeroedAsVotes` (Pol.is from
 * February to October 2017) every zeroed (excluded) statement with votes counts as a vote of everyone's.
 */
export function selectParticipants(
  matrix: VoteMatrix,
  minVotes: number,
  minParticipants: number,
  zeroedAsVotes?: Uint8Array,
): Uint8Array {
  const nP = matrix.participants.length;
  const hasVotes = new Uint8Array(matrix.statements.length);
  for (const s of matrix.columns) hasVotes[s] = 1;
  let nColumns = 0;
  for (const h of hasVotes) nColumns += h;
  const threshold = Math.min(minVotes, nColumns);
  const included = new Uint8Array(nP);
  let count = 0;
  let zeroedColumns = 0;
  if (zeroedAsVotes)
    for (let s = 0; s < hasVotes.length; s++) if (hasVotes[s] && zeroedAsVotes[s]) zeroedColumns++;
  const voted = (p: number) => matrix.rowStart[p + 1]! > matrix.rowStart[p]!;
  const votes = (p: number) => {
    const end = matrix.rowStart[p + 1]!;
    let n = end - matrix.rowStart[p]!;
    if (zeroedAsVotes) {
      for (let k = matrix.rowStart[p]!; k < end; k++) if (zeroedAsVotes[matrix.columns[k]!]) n--;
      n += zeroedColumns;
    }
    return n;
  };
  for (let p = 0; p < nP; p++) {
    if (voted(p) && votes(p) >= threshold) {
      included[p] = 1;
      count++;
    }
  }
  if (count < minParticipants) {
    const others: number[] = [];
    for (let p = 0; p < nP; p++) if (!included[p] && voted(p)) others.push(p);
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
 * Groups the base clusters: weighted k-means over their centres for k = 2 .. min(maxGroups, 2 + ⌊bases/12⌋)
 * from Pol.is' cold start, keeping the k with the best silhouette (the larger k on a tie, as Pol.is' max-key
 * does). With `restarts`, the best of that many k-means++ seeds (by inertia, `kmeansBestOf`) for the chosen
 * k replaces its clustering when its silhouette is higher and none of its groups is a single base cluster.
 */
export function clusterGroups(
  baseClusters: readonly Cluster[],
  maxGroups: number,
  restarts = 0,
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
  const scoreOf = (clusters: Cluster[]) => {
    const labels = new Int32Array(n);
    clusters.forEach((c, label) => {
      for (const b of c.members) labels[b] = label;
    });
    return silhouette(bx, by, labels);
  };
  // k is chosen as Pol.is chooses it: by the silhouette of its own start (the first k distinct base
  // clusters) for each k.
  let bestK = 2;
  for (let k = 2; k <= maxK; k++) {
    const cold = kmeans(bx, by, k, { weights, maxIterations: 20 });
    const score = scoreOf(cold);
    silhouettes.push({ k, silhouette: score });
    if (score >= bestScore) {
      bestScore = score;
      best = cold;
      bestK = k;
    }
  }
  // For that k only, the best of the restarts (by inertia) replaces Pol.is' start when its silhouette is
  // higher and no group of it is a single base cluster. Pol.is warm-starts each update from the last, which
  // on a small opinion group beside a large one tends to reach a better split than its cold start; but
  // restarts must neither change k (Pol.is' k smoother keeps it) nor make a lone outlier a group, two
  // higher-silhouette splits that Pol.is' history does not reach (README, "Opinion groups against Pol.is'
  // own").
  if (restarts > 0 && best) {
    const restarted = kmeansBestOf(bx, by, bestK, { weights, maxIterations: 20, restarts, seed: bestK });
    const restartedScore = scoreOf(restarted);
    if (restartedScore > bestScore && restarted.every((group) => group.members.length > 1)) {
      best = restarted;
      silhouettes[bestK - 2] = { k: bestK, silhouette: restartedScore };
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
