import { describe, expect, it } from 'vitest';
import { clusterGroups } from './analyse.js';
import { inertia, kmeans, kmeansBestOf, silhouette, type Cluster } from './kmeans.js';
import { seededRandom } from './random.js';

describe('kmeans', () => {
  it('starts from the first k distinct points and converges to the obvious split', () => {
    const xs = Float64Array.of(0, 0, 1, 10, 11, 10);
    const ys = Float64Array.of(0, 0, 0, 0, 0, 1);
    const clusters = kmeans(xs, ys, 2, { maxIterations: 20 });
    expect(clusters.map((c) => Array.from(c.members))).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(clusters[0]!.center[0]).toBeCloseTo(1 / 3);
    expect(clusters[1]!.center).toEqual([31 / 3, 1 / 3]);
  });

  it('uses weights for the centres', () => {
    const clusters = kmeans(Float64Array.of(0, 3), Float64Array.of(0, 0), 1, {
      weights: Float64Array.of(2, 1),
    });
    expect(clusters[0]!.center).toEqual([1, 0]);
  });

  it('returns fewer clusters when there are fewer distinct points than k', () => {
    expect(kmeans(Float64Array.of(1, 1, 1), Float64Array.of(2, 2, 2), 3)).toHaveLength(1);
  });
});

describe('silhouette', () => {
  it('matches a hand computation, with 0 for a point alone in its cluster', () => {
    const xs = Float64Array.of(0, 1, 10, 11);
    const ys = new Float64Array(4);
    // Point 0: a = 1, b = (10 + 11) / 2; point 1: a = 1, b = (9 + 10) / 2; 2 and 3 mirror them.
    const expected = (2 * (9.5 / 10.5) + 2 * (8.5 / 9.5)) / 4;
    expect(silhouette(xs, ys, Int32Array.of(0, 0, 1, 1))).toBeCloseTo(expected, 12);
    // Point 0 alone scores 0. Point 1: a = mean(9, 10), b = 1. Point 10: a = mean(9, 1), b = 10.
    // Point 11: a = mean(10, 1), b = 11.
    const manual = (0 + (1 - 9.5) / 9.5 + (10 - 5) / 10 + (11 - 5.5) / 11) / 4;
    expect(silhouette(xs, ys, Int32Array.of(0, 1, 1, 1))).toBeCloseTo(manual, 12);
  });
});

describe('clusterGroups: the silhouette chooses k', () => {
  const blobs = (centres: [number, number][], perBlob: number, seed: number): Cluster[] => {
    const random = seededRandom(seed);
    const clusters: Cluster[] = [];
    let id = 0;
    for (let i = 0; i < perBlob; i++) {
      for (const [cx, cy] of centres) {
        clusters.push({
          id,
          members: Int32Array.of(id),
          center: [cx + (random() - 0.5) * 0.5, cy + (random() - 0.5) * 0.5],
        });
        id++;
      }
    }
    return clusters;
  };

  it.each([
    [
      2,
      [
        [0, 0],
        [6, 0],
      ] as [number, number][],
    ],
    [
      3,
      [
        [0, 0],
        [6, 0],
        [3, 5],
      ] as [number, number][],
    ],
    [
      4,
      [
        [0, 0],
        [6, 0],
        [0, 6],
        [6, 6],
      ] as [number, number][],
    ],
  ])('finds %i well-separated groups', (k, centres) => {
    const base = blobs(centres, 20, k);
    const { clusters, silhouettes } = clusterGroups(base, 5);
    expect(clusters).toHaveLength(k);
    const best = silhouettes.reduce((a, b) => (b.silhouette >= a.silhouette ? b : a));
    expect(best.k).toBe(k);
    expect(silhouettes.map((s) => s.k)).toEqual([2, 3, 4, 5]);
  });

  it('tries at most 2 + ⌊base clusters / 12⌋ groups', () => {
    const base = blobs(
      [
        [0, 0],
        [6, 0],
        [3, 5],
      ],
      4,
      1,
    );
    expect(clusterGroups(base, 5).silhouettes.map((s) => s.k)).toEqual([2, 3]);
  });
});

describe('kmeansBestOf', () => {
  // Four corners of a wide rectangle: Pol.is' start (the first two distinct points, one above the other)
  // splits top from bottom and Lloyd's steps never leave that split; left against right is far better.
  const xs = Float64Array.of(0, 0, 10, 10);
  const ys = Float64Array.of(0, 1, 0, 1);

  it('keeps Pol.is’ cold start without restarts, and finds the better optimum with them', () => {
    const cold = kmeansBestOf(xs, ys, 2, { restarts: 0 });
    expect(cold.map((c) => Array.from(c.members))).toEqual([
      [0, 2],
      [1, 3],
    ]);
    expect(inertia(xs, ys, cold)).toBeCloseTo(100);
    const best = kmeansBestOf(xs, ys, 2, { restarts: 5 });
    expect(best.map((c) => Array.from(c.members)).sort()).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(inertia(xs, ys, best)).toBeCloseTo(1);
  });

  it('is never worse than the cold start, weighs points, and is deterministic for a seed', () => {
    const random = seededRandom(5);
    const px = Float64Array.from({ length: 60 }, () => random() * 10);
    const py = Float64Array.from({ length: 60 }, () => random() * 10);
    const weights = Float64Array.from({ length: 60 }, () => 1 + Math.floor(random() * 5));
    for (const k of [2, 3, 4, 5]) {
      const cold = inertia(px, py, kmeans(px, py, k, { weights }), weights);
      const best = kmeansBestOf(px, py, k, { weights, restarts: 10, seed: k });
      expect(inertia(px, py, best, weights)).toBeLessThanOrEqual(cold + 1e-9);
      expect(kmeansBestOf(px, py, k, { weights, restarts: 10, seed: k })).toEqual(best);
    }
  });
});

describe('clusterGroups: Pol.is’ start unless a restart has the higher silhouette', () => {
  // Two heavy base clusters at x = −3 and x = 3 (50 members each) and a light, distant one at x = 20
  // (1 member each), five of each. Splitting the heavy pair apart and merging x = 3 with x = 20 has the
  // lower inertia; keeping the heavy pair together and the distant one apart is what the silhouette (and
  // Pol.is' own start, whose first two points are at −3 and 20) gives.
  const bases: Cluster[] = [];
  let member = 0;
  const add = (x: number, size: number) => {
    const members = Int32Array.from({ length: size }, () => member++);
    bases.push({ id: bases.length, members, center: [x + bases.length * 0.001, 0] });
  };
  add(-3, 50);
  add(20, 1);
  for (let i = 0; i < 4; i++) add(-3, 50);
  for (let i = 0; i < 5; i++) add(3, 50);
  for (let i = 0; i < 4; i++) add(20, 1);
  const xs = Float64Array.from(bases, (b) => b.center[0]);
  const ys = Float64Array.from(bases, (b) => b.center[1]);
  const weights = Float64Array.from(bases, (b) => b.members.length);
  const sizes = (groups: { members: Int32Array }[]) =>
    groups.map((g) => g.members.length).sort((a, b) => a - b);

  it('keeps the split with the higher silhouette although restarts find a lower inertia', () => {
    const restarted = kmeansBestOf(xs, ys, 2, { weights, restarts: 10, seed: 2 });
    const cold = kmeans(xs, ys, 2, { weights });
    expect(inertia(xs, ys, restarted, weights)).toBeLessThan(inertia(xs, ys, cold, weights));
    // Members of the groups are participants: 5 × 50 + 5 × 50 together, 5 × 1 apart.
    expect(sizes(clusterGroups(bases, 2, 10).clusters)).toEqual([5, 500]);
    expect(sizes(clusterGroups(bases, 2, 0).clusters)).toEqual([5, 500]);
  });
});

describe('clusterGroups: restarts never change k nor make a lone outlier a group', () => {
  // One far outlier base cluster (1 member) and a broad cloud of 60 base clusters with a small lobe of 6 on
  // its left. Splitting off the outlier alone has the highest silhouette at k = 2, but Pol.is never makes a
  // group of one base cluster by that route: its own start (the first two base clusters: one in the cloud,
  // one in the lobe) separates the lobe.
  const bases: Cluster[] = [];
  let member = 0;
  const add = (x: number, y: number, size: number) => {
    const members = Int32Array.from({ length: size }, () => member++);
    bases.push({ id: bases.length, members, center: [x, y] });
  };
  const random = seededRandom(7);
  add(0, 0, 3);
  add(-8, 0, 2);
  for (let i = 0; i < 5; i++) add(-8 + random(), random(), 2);
  for (let i = 0; i < 59; i++) add((random() - 0.5) * 4, (random() - 0.5) * 4, 3);
  add(-60, 40, 1);
  const sizes = (groups: { members: Int32Array }[]) =>
    groups.map((g) => g.members.length).sort((a, b) => a - b);

  it('keeps Pol.is’ own split when the best restart isolates one base cluster', () => {
    const restarted = clusterGroups(bases, 2, 10);
    for (const group of restarted.clusters) expect(group.members.length).toBeGreaterThan(1);
    expect(sizes(restarted.clusters)).toEqual(sizes(clusterGroups(bases, 2, 0).clusters));
  });

  it('chooses k from Pol.is’ own start, whatever the restarts find', () => {
    const withRestarts = clusterGroups(bases, 5, 10);
    const without = clusterGroups(bases, 5, 0);
    expect(withRestarts.clusters.length).toBe(without.clusters.length);
    // Only the chosen k's silhouette may differ (when a restart replaced its clustering).
    const chosen = without.clusters.length;
    withRestarts.silhouettes.forEach((s, i) => {
      if (s.k !== chosen) expect(s.silhouette).toBe(without.silhouettes[i]!.silhouette);
      else expect(s.silhouette).toBeGreaterThanOrEqual(without.silhouettes[i]!.silhouette);
    });
  });
});
