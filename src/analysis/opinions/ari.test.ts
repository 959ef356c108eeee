import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './ari.js';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], ['b', 'b', 'a', 'a', 'c'])).toBe(1);
  });

  it('matches hand-computed values', () => {
    // Contingency [[2, 0], [0, 1], [0, 1]]: index 1, row pairs 1, column pairs 2, expected 2/6, max 1.5.
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo((1 - 1 / 3) / (1.5 - 1 / 3), 12);
    // Crossed halves: index 0, expected 2 · 2 / 6, max 2.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it('is 0 when one side puts everyone together and the other apart', () => {
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it('refuses labellings of different lengths', () => {
    expect(() => adjustedRandIndex([0], [0, 1])).toThrow();
  });
});
