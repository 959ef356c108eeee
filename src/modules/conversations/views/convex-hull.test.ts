import { describe, expect, it } from 'vitest';
import { convexHull } from './convex-hull.js';

describe('convexHull', () => {
  it('keeps the corners of a square and drops the points inside and on its edges', () => {
    const hull = convexHull([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [1, 1],
      [1, 0],
    ]);
    expect(hull).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });

  it('gives fewer than three distinct points back as they are', () => {
    expect(convexHull([[1, 1]])).toEqual([[1, 1]]);
    expect(
      convexHull([
        [3, 1],
        [1, 1],
        [3, 1],
      ]),
    ).toEqual([
      [1, 1],
      [3, 1],
    ]);
  });
});
