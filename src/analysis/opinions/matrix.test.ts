import { describe, expect, it } from 'vitest';
import { buildVoteMatrix, voteMatrixFromCodes, voteMatrixFromRows, type VoteMatrix } from './matrix.js';

function dense(matrix: VoteMatrix): (number | null)[][] {
  return matrix.participants.map((_, p) => {
    const row: (number | null)[] = matrix.statements.map(() => null);
    for (let k = matrix.rowStart[p]!; k < matrix.rowStart[p + 1]!; k++)
      row[matrix.columns[k]!] = matrix.values[k]!;
    return row;
  });
}

describe('buildVoteMatrix', () => {
  it('keeps the latest vote per participant and statement, whatever the input order', () => {
    const matrix = buildVoteMatrix([
      { participantId: 'b', statementId: 's1', vote: 1, timestamp: 30 },
      { participantId: 'a', statementId: 's1', vote: -1, timestamp: 20 },
      { participantId: 'a', statementId: 's1', vote: 1, timestamp: 10 },
      { participantId: 'a', statementId: 's2', vote: 0, timestamp: 15 },
      { participantId: 'b', statementId: 's1', vote: -1, timestamp: 5 },
    ]);
    // Rows and columns follow the first vote in time: a (t=10), b (t=5)? No: b voted first at t=5.
    expect(matrix.participants).toEqual(['b', 'a']);
    expect(matrix.statements).toEqual(['s1', 's2']);
    expect(dense(matrix)).toEqual([
      [1, null],
      [-1, 0],
    ]);
  });

  it('lets the later record win a tie in timestamps, and input order count without timestamps', () => {
    const tie = buildVoteMatrix([
      { participantId: 'a', statementId: 's', vote: 1, timestamp: 7 },
      { participantId: 'a', statementId: 's', vote: -1, timestamp: 7 },
    ]);
    expect(dense(tie)).toEqual([[-1]]);
    const untimed = buildVoteMatrix([
      { participantId: 'a', statementId: 's', vote: -1 },
      { participantId: 'a', statementId: 's', vote: 0 },
    ]);
    expect(dense(untimed)).toEqual([[0]]);
  });

  it('orders columns by a given statement list and refuses votes on statements outside it', () => {
    const matrix = buildVoteMatrix([{ participantId: 'a', statementId: 'y', vote: 1 }], ['x', 'y']);
    expect(matrix.statements).toEqual(['x', 'y']);
    expect(dense(matrix)).toEqual([[null, 1]]);
    expect(() => buildVoteMatrix([{ participantId: 'a', statementId: 'z', vote: 1 }], ['x'])).toThrow(/z/);
  });
});

describe('buildVoteMatrix lastVoteTime', () => {
  it('keeps the latest timestamp, and none without timestamps', () => {
    const records = [
      { participantId: 'a', statementId: 's', vote: 1 as const, timestamp: 30 },
      { participantId: 'b', statementId: 's', vote: 1 as const, timestamp: 50 },
      { participantId: 'a', statementId: 's', vote: -1 as const, timestamp: 40 },
    ];
    expect(buildVoteMatrix(records).lastVoteTime).toBe(50);
    expect('lastVoteTime' in buildVoteMatrix(records.map(({ timestamp: _, ...r }) => r))).toBe(false);
  });
});

describe('voteMatrixFromCodes', () => {
  it('sorts each row by statement and deduplicates by timestamp', () => {
    const matrix = voteMatrixFromCodes({
      participants: ['p0', 'p1'],
      statements: ['a', 'b', 'c'],
      participant: Int32Array.of(1, 0, 1, 1),
      statement: Int32Array.of(2, 1, 0, 2),
      vote: Int8Array.of(1, -1, 0, -1),
      timestamp: Float64Array.of(9, 1, 1, 3),
    });
    expect(Array.from(matrix.rowStart)).toEqual([0, 1, 3]);
    expect(dense(matrix)).toEqual([
      [null, -1, null],
      [0, null, 1],
    ]);
  });

  it('rejects indices out of range and votes other than 1, 0, -1', () => {
    const base = { participants: ['p'], statements: ['s'], statement: Int32Array.of(0) };
    expect(() =>
      voteMatrixFromCodes({ ...base, participant: Int32Array.of(1), vote: Int8Array.of(1) }),
    ).toThrow();
    expect(() =>
      voteMatrixFromCodes({ ...base, participant: Int32Array.of(0), vote: Int8Array.of(2) }),
    ).toThrow();
  });
});

describe('voteMatrixFromRows', () => {
  it('reads null as not seen', () => {
    const matrix = voteMatrixFromRows(
      ['a', 'b'],
      ['x', 'y'],
      [
        [1, null],
        [null, -1],
      ],
    );
    expect(dense(matrix)).toEqual([
      [1, null],
      [null, -1],
    ]);
  });
});
