import { describe, expect, it } from 'vitest';
import { voteMatrixFromRows, type Vote } from './matrix.js';
import {
  countGroupVotes,
  divisiveStatements,
  groupInformedConsensus,
  proportionTest,
  representativeStatements,
  statementStats,
  twoProportionTest,
} from './repness.js';

describe('Pol.is z-tests', () => {
  it('add one to each count', () => {
    // (3 + 1) / (4 + 1) against 1/2, times 2 √5.
    expect(proportionTest(3, 4)).toBeCloseTo(2 * Math.sqrt(5) * (4 / 5 - 0.5), 12);
    // 9 of 10 in the group against 1 of 10 outside: p1 = 10/11, p2 = 2/11, pooled 12/22.
    const pooled = 12 / 22;
    const expected = (10 / 11 - 2 / 11) / Math.sqrt(pooled * (1 - pooled) * (2 / 11));
    expect(twoProportionTest(9, 1, 10, 10)).toBeCloseTo(expected, 12);
    expect(twoProportionTest(5, 5, 5, 5)).toBe(0);
  });
});

/** Two groups of ten: s0 splits them (A agrees, B disagrees), s1 everyone agrees with, s2 B agrees with. */
function twoGroups() {
  const rows: (Vote | null)[][] = [];
  for (let i = 0; i < 10; i++) rows.push([1, 1, i < 5 ? 0 : -1]);
  for (let i = 0; i < 10; i++) rows.push([-1, 1, 1]);
  const matrix = voteMatrixFromRows(
    rows.map((_, p) => `p${p}`),
    ['s0', 's1', 's2'],
    rows,
  );
  const groupOf = Int32Array.from(rows, (_, p) => (p < 10 ? 0 : 1));
  return countGroupVotes(matrix, groupOf, 2);
}

describe('repness', () => {
  it('computes the smoothed probabilities and ratios of one group against the rest', () => {
    const stats = statementStats(twoGroups(), 0, 0);
    expect(stats).toMatchObject({ nAgree: 10, nDisagree: 0, nSeen: 10 });
    expect(stats.pAgree).toBeCloseTo(11 / 12, 12);
    // The rest: 0 of 10 agree, smoothed 1/12; the ratio is 11.
    expect(stats.rAgree).toBeCloseTo(11, 12);
    expect(stats.rAgreeTest).toBeCloseTo(twoProportionTest(10, 0, 10, 10), 12);
  });

  it('picks the direction that sets each group apart, with the share of the group that agrees', () => {
    const counts = twoGroups();
    const a = representativeStatements(counts, 0);
    const b = representativeStatements(counts, 1);
    expect(a[0]).toMatchObject({ statement: 0, direction: 'agree', agreeShare: 1 });
    expect(a[0]!.repness).toBeCloseTo(11, 12);
    // Group A's s2: 5 pass and 5 disagree. Half disagreeing is not significantly more than half (the
    // one-proportion test fails), so it is not representative although B agrees with it.
    expect(a.some((r) => r.statement === 2)).toBe(false);
    // Group B: all of it agrees with s1 and s2 and disagrees with s0. s1, which everyone agrees with, is
    // Pol.is' "best agree" (first found with the highest agree probability × z), put first as an agreement.
    expect(b.map((r) => [r.statement, r.direction, r.bestAgree])).toEqual([
      [1, 'agree', true],
      [2, 'agree', false],
      [0, 'disagree', false],
    ]);
    expect(b[0]!.repness).toBeCloseTo(1, 12);
    // Group A's best agreed statement is its representative one; s1 tells it apart from no one.
    expect(a.some((r) => r.statement === 1)).toBe(false);
  });

  it('leaves excluded statements out', () => {
    const a = representativeStatements(twoGroups(), 0, Uint8Array.of(1, 0, 0));
    expect(a.some((r) => r.statement === 0)).toBe(false);
  });
});

describe('group-informed consensus and divisiveness', () => {
  it('multiplies the smoothed agree probabilities over groups', () => {
    const consensus = groupInformedConsensus(twoGroups());
    // s0 and s2 tie (each has one group agreeing): the earlier statement first.
    expect(consensus.map((c) => c.statement)).toEqual([1, 0, 2]);
    expect(consensus[0]!.score).toBeCloseTo((11 / 12) ** 2, 12);
    expect(consensus.find((c) => c.statement === 0)!.score).toBeCloseTo((11 / 12) * (1 / 12), 12);
    expect(consensus.find((c) => c.statement === 2)!.score).toBeCloseTo((1 / 12) * (11 / 12), 12);
  });

  it('ranks the statement that splits the groups most as the most divisive', () => {
    const divisive = divisiveStatements(twoGroups());
    expect(divisive[0]!.statement).toBe(0);
    expect(divisive[0]!.score).toBeCloseTo(10 / 12, 12);
    expect(divisive.at(-1)!.statement).toBe(1);
    expect(divisive.at(-1)!.score).toBeCloseTo(0, 12);
  });
});
