import { describe, expect, it } from 'vitest';
import { chooseNextStatement, type NextCandidate } from './choose-next-statement.js';

const s = (id: string, number: number, votes: number): NextCandidate => ({ id, number, votes });

describe('chooseNextStatement', () => {
  it('favours the statement with the fewest votes', () => {
    const next = chooseNextStatement([s('a', 0, 5), s('b', 1, 2), s('c', 2, 9)], new Set());
    expect(next?.id).toBe('b');
  });

  it('breaks a tie in votes in favour of the newest statement', () => {
    const next = chooseNextStatement([s('a', 0, 3), s('b', 4, 3), s('c', 2, 3)], new Set());
    expect(next?.id).toBe('b');
  });

  it('never repeats a statement the participant already voted on', () => {
    const candidates = [s('a', 0, 0), s('b', 1, 1), s('c', 2, 2)];
    expect(chooseNextStatement(candidates, new Set(['a']))?.id).toBe('b');
    expect(chooseNextStatement(candidates, new Set(['a', 'b']))?.id).toBe('c');
    expect(chooseNextStatement(candidates, new Set(['a', 'b', 'c']))).toBeUndefined();
  });

  it('is deterministic whatever the order of the candidates', () => {
    const candidates = [s('x', 1, 1), s('y', 1, 1), s('z', 0, 1)];
    const forward = chooseNextStatement(candidates, new Set());
    const backward = chooseNextStatement([...candidates].reverse(), new Set());
    expect(forward?.id).toBe('x');
    expect(backward?.id).toBe('x');
  });

  it('walks a participant through every statement once', () => {
    const candidates = [s('a', 0, 4), s('b', 1, 0), s('c', 2, 1), s('d', 3, 0)];
    const voted = new Set<string>();
    const order: string[] = [];
    for (
      let next = chooseNextStatement(candidates, voted);
      next;
      next = chooseNextStatement(candidates, voted)
    ) {
      order.push(next.id);
      voted.add(next.id);
    }
    expect(order).toEqual(['d', 'b', 'c', 'a']);
  });
});
