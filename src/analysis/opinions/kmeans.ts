import { seededRandom } from './random.js';

/** A cluster of points: its id, the indices of its member points and its centre. */
export interface Cluster {
  id: number;
  members: Int32Array;
  center: [number, number];
}

export interface KMeansOptions {
  /** Weight per point (Pol.is weighs base clusters by their size when it groups them). */
  weights?: Float64Array;
  /** Pol.is: 100 for the base clusters, 20 for the groups. */
  maxIterations?: number;
  /** Starting centres; by default the first k distinct points. */
  initial?: readonly (readonly [number, number])[];
}

/**
 * Pol.is' k-means on 2-D points: start from the first k distinct points (in input order, so the result is
 * deterministic), assign every point to the nearest centre (the lowest id on a tie), drop clusters left
 * empty, move centres to the (weighted) mean, and stop once no centre moves by 0.01 or more.
 */
export function kmeans(
  xs: Float64Array,
  ys: Float64Array,
  k: number,
  options: KMeansOptions = {},
): Cluster[] {
  const n = xs.length;
  const maxIterations = options.maxIterations ?? 20;
  const weights = options.weights;
  let cx: number[] = [];
  let cy: number[] = [];
  for (const [x, y] of options.initial ?? []) {
    cx.push(x);
    cy.push(y);
  }
  for (let i = 0; i < n && cx.length < k && !options.initial; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    let seen = false;
    for (let c = 0; c < cx.length; c++) if (cx[c] === x && cy[c] === y) seen = true;
    if (!seen) {
      cx.push(x);
      cy.push(y);
    }
  }
  let ids = cx.map((_, c) => c);
  if (n === 0) return [];
  const assignment = new Int32Array(n);
  for (let iteration = maxIterations; ; iteration--) {
    const m = cx.length;
    const sumX = new Float64Array(m);
    const sumY = new Float64Array(m);
    const sumW = new Float64Array(m);
    const size = new Int32Array(m);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < m; c++) {
        const dx = x - cx[c]!;
        const dy = y - cy[c]!;
        const d = dx * dx + dy * dy;
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      assignment[i] = best;
      const w = weights ? weights[i]! : 1;
      sumX[best]! += w * x;
      sumY[best]! += w * y;
      sumW[best]! += w;
      size[best]!++;
    }
    const nextX: number[] = [];
    const nextY: number[] = [];
    const nextIds: number[] = [];
    const remap = new Int32Array(m).fill(-1);
    for (let c = 0; c < m; c++) {
      if (size[c] === 0) continue;
      remap[c] = nextIds.length;
      nextIds.push(ids[c]!);
      // A zero total weight (all members weigh 0) falls back to the plain mean.
      nextX.push(sumW[c]! > 0 ? sumX[c]! / sumW[c]! : cx[c]!);
      nextY.push(sumW[c]! > 0 ? sumY[c]! / sumW[c]! : cy[c]!);
    }
    const same = sameCentres(cx, cy, nextX, nextY);
    cx = nextX;
    cy = nextY;
    ids = nextIds;
    if (iteration <= 0 || same) {
      for (let i = 0; i < n; i++) assignment[i] = remap[assignment[i]!]!;
      return collect(assignment, ids, cx, cy);
    }
  }
}

/** Pol.is compares clusterings by their sorted centres: the same when every pair is closer than 0.01. */
function sameCentres(ax: number[], ay: number[], bx: number[], by: number[]): boolean {
  const sort = (xs: number[], ys: number[]) =>
    xs.map((x, i) => [x, ys[i]!] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const a = sort(ax, ay);
  const b = sort(bx, by);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (Math.hypot(a[i]![0] - b[i]![0], a[i]![1] - b[i]![1]) >= 0.01) return false;
  }
  return true;
}

function collect(assignment: Int32Array, ids: number[], cx: number[], cy: number[]): Cluster[] {
  const counts = new Int32Array(ids.length);
  for (const c of assignment) counts[c]!++;
  const members = ids.map((_, c) => new Int32Array(counts[c]!));
  const fill = new Int32Array(ids.length);
  for (let i = 0; i < assignment.length; i++) {
    const c = assignment[i]!;
    members[c]![fill[c]!++] = i;
  }
  return ids.map((id, c) => ({ id, members: members[c]!, center: [cx[c]!, cy[c]!] }));
}

/**
 * Mean silhouette of a clustering of points, each point weighing the same (Pol.is computes it over the base
 * clusters' centres). A point alone in its cluster scores 0.
 */
export function silhouette(xs: Float64Array, ys: Float64Array, labels: Int32Array): number {
  const n = xs.length;
  if (n === 0) return 0;
  let nLabels = 0;
  for (const label of labels) nLabels = Math.max(nLabels, label + 1);
  const size = new Int32Array(nLabels);
  for (const label of labels) size[label]!++;
  let total = 0;
  const sum = new Float64Array(nLabels);
  for (let i = 0; i < n; i++) {
    const own = labels[i]!;
    if (size[own]! <= 1) continue;
    sum.fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sum[labels[j]!]! += Math.hypot(xs[i]! - xs[j]!, ys[i]! - ys[j]!);
    }
    const a = sum[own]! / (size[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < nLabels; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sum[c]! / size[c]!);
    if (b === Infinity) continue;
    const scale = Math.max(a, b);
    total += scale > 0 ? (b - a) / scale : 0;
  }
  return total / n;
}

/** The (weighted) sum of squared distances from each point to its cluster's centre: k-means' objective. */
export function inertia(
  xs: Float64Array,
  ys: Float64Array,
  clusters: readonly Cluster[],
  weights?: Float64Array,
): number {
  let sum = 0;
  for (const c of clusters) {
    for (const i of c.members) {
      const w = weights ? weights[i]! : 1;
      sum += w * ((xs[i]! - c.center[0]) ** 2 + (ys[i]! - c.center[1]) ** 2);
    }
  }
  return sum;
}

export interface BestOfOptions extends KMeansOptions {
  /** Further starts from weighted k-means++ seeds (deterministic for a seed); 0 keeps Pol.is' start only. */
  restarts?: number;
  seed?: number;
}

/**
 * k-means from Pol.is' start (the first k distinct points) and from `restarts` weighted k-means++ seeds,
 * keeping the clustering with the lowest (weighted) inertia; Pol.is' own result is kept unless a restart is
 * strictly better. Pol.is never clusters from scratch in a live conversation: every update starts from the
 * previous update's clusters, so its groups follow a good optimum as the data grows rather than whatever
 * the first participants' positions seed. A single cold start from the first rows stands in for that
 * history poorly; the best of several starts is the from-scratch estimate of where it leads.
 */
export function kmeansBestOf(
  xs: Float64Array,
  ys: Float64Array,
  k: number,
  options: BestOfOptions = {},
): Cluster[] {
  const { restarts = 0, seed = 1, ...kmeansOptions } = options;
  let best = kmeans(xs, ys, k, kmeansOptions);
  let bestValue = inertia(xs, ys, best, options.weights);
  const n = xs.length;
  if (n <= k || restarts <= 0) return best;
  const random = seededRandom(seed);
  const weights = options.weights;
  const weightOf = (i: number) => (weights ? weights[i]! : 1);
  const d2 = new Float64Array(n);
  for (let r = 0; r < restarts; r++) {
    // Weighted k-means++: the first centre by weight, each next one with probability ∝ weight × distance².
    const initial: [number, number][] = [];
    const pick = (mass: (i: number) => number, total: number) => {
      let u = random() * total;
      for (let i = 0; i < n; i++) {
        u -= mass(i);
        if (u <= 0 && mass(i) > 0) return i;
      }
      for (let i = n - 1; i >= 0; i--) if (mass(i) > 0) return i;
      return 0;
    };
    let total = 0;
    for (let i = 0; i < n; i++) total += weightOf(i);
    if (!(total > 0)) break;
    const first = pick(weightOf, total);
    initial.push([xs[first]!, ys[first]!]);
    d2.fill(Infinity);
    while (initial.length < k) {
      const [cx, cy] = initial[initial.length - 1]!;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        d2[i] = Math.min(d2[i]!, (xs[i]! - cx) ** 2 + (ys[i]! - cy) ** 2);
        sum += weightOf(i) * d2[i]!;
      }
      if (!(sum > 0)) break;
      const next = pick((i) => weightOf(i) * d2[i]!, sum);
      initial.push([xs[next]!, ys[next]!]);
    }
    const candidate = kmeans(xs, ys, k, { ...kmeansOptions, initial });
    const value = inertia(xs, ys, candidate, weights);
    if (value < bestValue * (1 - 1e-12) - 1e-12) {
      best = candidate;
      bestValue = value;
    }
  }
  return best;
}
