// `npm run bench:opinions`: the Pol.is opinion analysis on a synthetic conversation with planted opinion
// groups at 100,000 participants × 2,000 statements × 5,000,000 votes, then the same pipeline built on
// ml-pca + ml-kmeans at a size that one finishes, against ours at that same size. Last line: the summary.
import { PCA } from 'ml-pca';
import { kmeans as mlKmeans } from 'ml-kmeans';
import {
  adjustedRandIndex,
  analyseOpinions,
  countGroupVotes,
  groupInformedConsensus,
  representativeStatements,
  seededRandom,
  selectParticipants,
  silhouette,
  voteMatrixFromCodes,
  type CodedVotes,
  type VoteMatrix,
} from '../src/analysis/opinions/index.js';

interface Synthetic {
  votes: CodedVotes;
  truth: Int32Array;
}

/**
 * Planted groups: each group sits at a point of a 2-D latent opinion space and each statement has a random
 * direction in it; a member agrees with probability sigmoid(strength × loading) and passes 15 % of the time.
 * Participants vote on 40 %–160 % of the mean number of statements, chosen at random without repeats.
 */
function synthetic(nP: number, nS: number, nV: number, seed: number): Synthetic {
  const random = seededRandom(seed);
  const shares = [0.45, 0.35, 0.2];
  const angles = [0, (2 * Math.PI) / 3, (4 * Math.PI) / 3];
  const strength = 2.5;
  const pAgree = shares.map((_, g) => {
    const u = Math.cos(angles[g]!);
    const v = Math.sin(angles[g]!);
    return Float64Array.from({ length: nS }, (_, s) => {
      const a = Math.cos(s * 2.399963 + seed);
      const b = Math.sin(s * 2.399963 + seed);
      return 1 / (1 + Math.exp(-strength * (a * u + b * v)));
    });
  });
  const truth = new Int32Array(nP);
  const perParticipant = new Int32Array(nP);
  let total = 0;
  for (let p = 0; p < nP; p++) {
    const r = random();
    truth[p] = r < shares[0]! ? 0 : r < shares[0]! + shares[1]! ? 1 : 2;
    perParticipant[p] = Math.min(nS, Math.max(1, Math.round((nV / nP) * (0.4 + 1.2 * random()))));
    total += perParticipant[p]!;
  }
  // Nudge the counts so the total is exactly nV.
  for (let p = 0; total !== nV; p = (p + 1) % nP) {
    if (total < nV && perParticipant[p]! < nS) {
      perParticipant[p]!++;
      total++;
    } else if (total > nV && perParticipant[p]! > 1) {
      perParticipant[p]!--;
      total--;
    }
  }
  const participant = new Int32Array(nV);
  const statement = new Int32Array(nV);
  const vote = new Int8Array(nV);
  const mark = new Int32Array(nS).fill(-1);
  let at = 0;
  for (let p = 0; p < nP; p++) {
    const probabilities = pAgree[truth[p]!]!;
    for (let n = 0; n < perParticipant[p]!; n++) {
      let s: number;
      do s = Math.floor(random() * nS);
      while (mark[s] === p);
      mark[s] = p;
      participant[at] = p;
      statement[at] = s;
      const r = random();
      vote[at] = r < 0.15 ? 0 : random() < probabilities[s]! ? 1 : -1;
      at++;
    }
  }
  return {
    votes: {
      participants: Array.from({ length: nP }, (_, p) => `p${p}`),
      statements: Array.from({ length: nS }, (_, s) => `s${s}`),
      participant,
      statement,
      vote,
    },
    truth,
  };
}

function plantedAri(groupOf: Int32Array, truth: Int32Array): number {
  const ours: number[] = [];
  const planted: number[] = [];
  for (let p = 0; p < truth.length; p++) {
    if (groupOf[p]! < 0) continue;
    ours.push(groupOf[p]!);
    planted.push(truth[p]!);
  }
  return adjustedRandIndex(ours, planted);
}

function ours(votes: CodedVotes): { ms: number; groupOf: Int32Array; k: number } {
  const start = performance.now();
  const matrix = voteMatrixFromCodes(votes);
  const analysis = analyseOpinions(matrix);
  return { ms: performance.now() - start, groupOf: analysis.groupOf, k: analysis.groups.length };
}

/**
 * The same steps with the libraries a TypeScript developer would reach for: a dense mean-imputed matrix,
 * ml-pca (its default SVD) for the components, the same sparsity-aware projection, ml-kmeans (k-means++) for
 * the 100 base clusters and for k = 2..5 over their centres (unweighted: ml-kmeans has no weights), silhouette,
 * then the same repness and consensus.
 */
function baseline(votes: CodedVotes): { ms: number; groupOf: Int32Array; k: number } {
  const start = performance.now();
  const matrix: VoteMatrix = voteMatrixFromCodes(votes);
  const nP = matrix.participants.length;
  const nS = matrix.statements.length;
  const sums = new Float64Array(nS);
  const counts = new Float64Array(nS);
  for (let k = 0; k < matrix.columns.length; k++) {
    sums[matrix.columns[k]!]! += matrix.values[k]!;
    counts[matrix.columns[k]!]!++;
  }
  const means = Array.from(sums, (sum, s) => (counts[s]! > 0 ? sum / counts[s]! : 0));
  const dense: number[][] = [];
  for (let p = 0; p < nP; p++) {
    const row = means.slice();
    for (let k = matrix.rowStart[p]!; k < matrix.rowStart[p + 1]!; k++)
      row[matrix.columns[k]!] = matrix.values[k]!;
    dense.push(row);
  }
  const pca = new PCA(dense, { center: true });
  const vectors = pca.getEigenvectors();
  const included = selectParticipants(matrix, 7, 15);
  const points: number[][] = [];
  const rows: number[] = [];
  for (let p = 0; p < nP; p++) {
    if (!included[p]) continue;
    let x = 0;
    let y = 0;
    const n = matrix.rowStart[p + 1]! - matrix.rowStart[p]!;
    for (let k = matrix.rowStart[p]!; k < matrix.rowStart[p + 1]!; k++) {
      const s = matrix.columns[k]!;
      x += (matrix.values[k]! - means[s]!) * vectors.get(s, 0);
      y += (matrix.values[k]! - means[s]!) * vectors.get(s, 1);
    }
    const scale = Math.sqrt(nS / Math.max(n, 1));
    points.push([x * scale, y * scale]);
    rows.push(p);
  }
  const base = mlKmeans(points, Math.min(100, points.length), { seed: 1, initialization: 'kmeans++' });
  const centres = base.centroids;
  const cx = Float64Array.from(centres, (c) => c[0]!);
  const cy = Float64Array.from(centres, (c) => c[1]!);
  let bestLabels = new Int32Array(centres.length);
  let bestScore = -Infinity;
  let bestK = 0;
  for (let k = 2; k <= Math.min(5, 2 + Math.floor(centres.length / 12)); k++) {
    const groups = mlKmeans(centres, k, { seed: 1, initialization: 'kmeans++' });
    const labels = Int32Array.from(groups.clusters);
    const score = silhouette(cx, cy, labels);
    if (score > bestScore) {
      bestScore = score;
      bestLabels = labels;
      bestK = k;
    }
  }
  const groupOf = new Int32Array(nP).fill(-1);
  rows.forEach((p, i) => (groupOf[p] = bestLabels[base.clusters[i]!]!));
  const groupCounts = countGroupVotes(matrix, groupOf, bestK);
  for (let g = 0; g < bestK; g++) representativeStatements(groupCounts, g);
  groupInformedConsensus(groupCounts);
  return { ms: performance.now() - start, groupOf, k: bestK };
}

const mb = (kilobytes: number) => Math.round(kilobytes / 1024);
const P = 100_000;
const S = 2_000;
const V = 5_000_000;

const generated = synthetic(P, S, V, 42);
const big = ours(generated.votes);
const peak = mb(process.resourceUsage().maxRSS);
const bigAri = plantedAri(big.groupOf, generated.truth);
console.log(
  `ours: ${P} x ${S} x ${V} in ${Math.round(big.ms)} ms (${((big.ms / V) * 1e6).toFixed(0)} ns/vote), ` +
    `${big.k} groups, planted ARI ${bigAri.toFixed(3)}, peak RSS ${peak} MB (process, including the input)`,
);

// The libraries need a dense participants × statements matrix: at 4,000 × 400 it is 1.6 M cells.
const smallP = 4_000;
const smallS = 400;
const smallV = 200_000;
const small = synthetic(smallP, smallS, smallV, 7);
const ml = baseline(small.votes);
const mine = ours(small.votes);
const size = `${smallP} x ${smallS} x ${smallV}`;
console.log(
  `ml-pca/ml-kmeans: ${size} in ${Math.round(ml.ms)} ms (${((ml.ms / smallV) * 1e6).toFixed(0)} ns/vote), ` +
    `${ml.k} groups, planted ARI ${plantedAri(ml.groupOf, small.truth).toFixed(3)}`,
);
console.log(
  `ours at the same size: ${Math.round(mine.ms)} ms, ${mine.k} groups, planted ARI ${plantedAri(mine.groupOf, small.truth).toFixed(3)}`,
);
console.log(
  `per vote: ours at full size ${((big.ms / V) * 1e6).toFixed(0)} ns/vote vs ml-pca/ml-kmeans at ${size} ` +
    `${((ml.ms / smallV) * 1e6).toFixed(0)} ns/vote`,
);
const ratio = ml.ms / mine.ms;
console.log(
  `opinions: ${P} participants x ${S} statements x ${V} votes in ${Math.round(big.ms)} ms, peak ${peak} MB, ` +
    `planted ARI ${bigAri.toFixed(3)}, ${ratio.toFixed(1)}x faster than ml-pca/ml-kmeans at ${size}`,
);
