import { describe, expect, it } from 'vitest';
import {
  breakdown,
  meanEstimate,
  roundHalfAwayFromZero,
  summarise,
  type QuestionSummary,
} from './summarise.js';
import { tallyAnswers, type Tally } from './tally.js';
import type { Answer, ResultQuestion } from './types.js';

const single: ResultQuestion = { kind: 'single_choice', options: ['a', 'b', 'c'] };
const likert: ResultQuestion = { kind: 'likert', options: ['p1', 'p2', 'p3', 'p4', 'p5'] };

const repeat = (answer: Answer, times: number): Answer[] => Array.from({ length: times }, () => answer);
const tally = (question: ResultQuestion, answers: Answer[], weights?: number[]): Tally =>
  tallyAnswers(
    question,
    answers.map((answer, i) => ({ answer, weight: weights?.[i] ?? 1 })),
  );
const shown = <S extends QuestionSummary>(s: S): Extract<S, { suppressed: false }> => {
  if (s.suppressed) throw new Error('unexpectedly suppressed');
  return s as Extract<S, { suppressed: false }>;
};
const cellsOf = (s: QuestionSummary): (number | 'hidden')[] => {
  const x = shown(s);
  if (!('options' in x)) throw new Error('no options');
  return x.options.map((c) => (c.suppressed ? 'hidden' : c.n));
};

describe('means and confidence intervals', () => {
  it('computes a small sample by hand: 2, 4, 4, 5, 7', () => {
    // mean 4.4, Σ(x−mean)² = 13.2, s² = 3.3, se = √(3.3/5) = 0.8124038, t(0.975, 4) = 2.7764451
    const s = shown(
      summarise({ kind: 'number' }, tally({ kind: 'number' }, [2, 4, 4, 5, 7]), { k: 5, weighted: false }),
    );
    if (s.kind !== 'number') throw new Error('kind');
    expect(s.mean.mean).toBeCloseTo(4.4, 12);
    expect(s.mean.sd).toBeCloseTo(1.8165902, 7);
    expect(s.mean.se).toBeCloseTo(0.8124038, 7);
    expect(s.mean.ci?.df).toBe(4);
    expect(s.mean.ci?.lower).toBeCloseTo(4.4 - 2.7764451 * 0.8124038, 6); // half-width 2.2555947
    expect(s.mean.ci?.upper).toBeCloseTo(6.6555947, 6);
  });

  it('gives the same interval with equal weights, and Kish effective n with unequal weights', () => {
    const m = tally({ kind: 'number' }, [2, 4, 4, 5, 7], [3, 3, 3, 3, 3]);
    if (m.kind !== 'number') throw new Error('kind');
    const w = meanEstimate(m.moments, true);
    expect(w?.effectiveN).toBeCloseTo(5, 12);
    expect(w?.ci?.lower).toBeCloseTo(2.1444053, 6);

    // x = 1, 2, 3 with w = 1, 1, 2: mean 9/4, n_eff = 16/6, v = 23/4 − 2.25² = 0.6875,
    // se = √(0.6875 / (8/3 − 1)) = √0.4125 = 0.6422616
    const u = tally({ kind: 'number' }, [1, 2, 3], [1, 1, 2]);
    if (u.kind !== 'number') throw new Error('kind');
    const e = meanEstimate(u.moments, true);
    expect(e?.mean).toBe(2.25);
    expect(e?.effectiveN).toBeCloseTo(8 / 3, 12);
    expect(e?.se).toBeCloseTo(0.6422616, 7);
    expect(e?.ci?.df).toBeCloseTo(5 / 3, 12);
  });

  it('has no interval for one respondent', () => {
    const s = shown(summarise({ kind: 'number' }, tally({ kind: 'number' }, [3]), { k: 1, weighted: false }));
    expect(s.kind === 'number' && s.mean).toMatchObject({ mean: 3, ci: null, sd: null });
  });

  it('uses Likert point indexes 1..N', () => {
    const answers = [...repeat('p1', 5), ...repeat('p4', 5), ...repeat('p5', 10)];
    const s = shown(summarise(likert, tally(likert, answers), { k: 5, weighted: false }));
    if (s.kind !== 'likert' || s.mean.suppressed) throw new Error('kind');
    expect(s.mean.mean).toBe((5 * 1 + 5 * 4 + 10 * 5) / 20);
    expect(cellsOf(s)).toEqual([5, 0, 0, 5, 10]);
  });
});

describe('counts and shares', () => {
  it('shares are out of answering respondents; skips are reported apart', () => {
    const s = shown(summarise(single, tally(single, ['a', 'a', 'b', null, 'c']), { k: 1, weighted: false }));
    if (s.kind !== 'single_choice') throw new Error('kind');
    expect(s.base).toBe(4);
    expect(s.options.map((c) => !c.suppressed && c.share)).toEqual([0.5, 0.25, 0.25]);
    expect(s.skipped).toEqual({ suppressed: false, n: 1, count: 1 });
  });

  it('weighted shares use Σw; n stays the respondents', () => {
    const s = shown(
      summarise(single, tally(single, ['a', 'a', 'b', 'c'], [1, 2, 0.5, 0.5]), { k: 1, weighted: true }),
    );
    if (s.kind !== 'single_choice') throw new Error('kind');
    expect(s.base).toBe(4);
    expect(s.options[0]).toEqual({ key: 'a', suppressed: false, n: 2, count: 3, share: 0.75 });
  });

  it('multiple choice shares are of respondents and may add up to more than 1', () => {
    const q: ResultQuestion = { kind: 'multiple_choice', options: ['a', 'b'] };
    const s = shown(summarise(q, tally(q, [['a', 'b'], ['a'], ['b'], ['a']]), { k: 1, weighted: false }));
    if (s.kind !== 'multiple_choice') throw new Error('kind');
    expect(s.options.map((c) => !c.suppressed && c.share)).toEqual([0.75, 0.5]);
  });

  it('NPS: score from unrounded shares, rounded half away from zero', () => {
    const nps: ResultQuestion = { kind: 'nps' };
    const score = (p: number, pa: number, d: number): unknown => {
      const s = shown(
        summarise(nps, tally(nps, [...repeat(10, p), ...repeat(7, pa), ...repeat(0, d)]), {
          k: 5,
          weighted: false,
        }),
      );
      if (s.kind !== 'nps') throw new Error('kind');
      return s.score.suppressed ? 'hidden' : [s.score.score, s.score.rounded];
    };
    expect(score(10, 5, 5)).toEqual([25, 25]);
    // 33.5% − 12.5%: the score comes from the unrounded shares (21), not from rounded percentages.
    expect(score(67, 108, 25)).toEqual([21, 21]);
    expect(score(50, 99, 51)).toEqual([-0.5, -1]);
    expect(score(51, 99, 50)).toEqual([0.5, 1]);
    expect(score(50, 100, 50)).toEqual([0, 0]);
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
    // A bucket under k hides two buckets and the score.
    expect(score(10, 10, 2)).toBe('hidden');
  });

  it('ranks items by mean rank among those who ranked them', () => {
    const q: ResultQuestion = { kind: 'ranking', options: ['x', 'y', 'z'] };
    const s = shown(
      summarise(
        q,
        tally(q, [
          ['x', 'y', 'z'],
          ['y', 'x', 'z'],
          ['x', 'z', 'y'],
        ]),
        { k: 1, weighted: false },
      ),
    );
    if (s.kind !== 'ranking') throw new Error('kind');
    expect(s.items.map((i) => !i.suppressed && i.meanRank)).toEqual([4 / 3, 2, 8 / 3]);
  });

  it('rolls dates up to months by default', () => {
    const q: ResultQuestion = { kind: 'date' };
    const s = shown(
      summarise(q, tally(q, ['2024-01-03', '2024-01-30', '2023-12-01']), { k: 1, weighted: false }),
    );
    if (s.kind !== 'date') throw new Error('kind');
    expect(s.buckets.map((b) => [b.key, !b.suppressed && b.n])).toEqual([
      ['2023-12', 1],
      ['2024-01', 2],
    ]);
  });

  it('lists all integer values of a rating scale, zeros included', () => {
    const q: ResultQuestion = { kind: 'rating', min: 1, max: 5 };
    const s = shown(summarise(q, tally(q, [5, 5, 4]), { k: 1, weighted: false }));
    expect(s.kind === 'rating' && s.values.map((v) => [v.key, !v.suppressed && v.n])).toEqual([
      ['1', 0],
      ['2', 0],
      ['3', 0],
      ['4', 1],
      ['5', 2],
    ]);
  });
});

describe('small-cell suppression', () => {
  const k = 5;
  it('gates the whole summary at k: k−1 respondents hidden, k shown', () => {
    const under = summarise(single, tally(single, repeat('a', k - 1)), { k, weighted: false });
    expect(under).toEqual({ suppressed: true, k, kind: 'single_choice' });
    expect(JSON.stringify(under)).not.toMatch(/"(n|count|share|mean|base|respondents)"/);
    expect(summarise(single, tally(single, repeat('a', k)), { k, weighted: false }).suppressed).toBe(false);
    expect(summarise(single, tally(single, []), { k, weighted: false }).suppressed).toBe(true);
  });

  it('hides cells of 1..k−1, shows k and zero', () => {
    const s = summarise(
      single,
      tally(single, [...repeat('a', 10), ...repeat('b', k), ...repeat('c', k - 1), 'b']),
      {
        k,
        weighted: false,
      },
    );
    // c (4) is hidden, and b (6) with it, the smallest other non-zero cell, so 20 − 10 − b can't give c.
    expect(cellsOf(s)).toEqual([10, 'hidden', 'hidden']);
    expect(
      cellsOf(
        summarise(single, tally(single, [...repeat('a', 10), ...repeat('b', k)]), { k, weighted: false }),
      ),
    ).toEqual([10, k, 0]);
  });

  it('needs no complementary cell when two cells are already hidden', () => {
    const s = summarise(single, tally(single, [...repeat('a', 10), ...repeat('b', 2), ...repeat('c', 3)]), {
      k,
      weighted: false,
    });
    expect(cellsOf(s)).toEqual([10, 'hidden', 'hidden']);
  });

  it('hides nothing extra in multiple choice, where cells do not add up', () => {
    const q: ResultQuestion = { kind: 'multiple_choice', options: ['a', 'b', 'c'] };
    const s = summarise(q, tally(q, [...repeat(['a', 'b'], 8), ['c']]), { k, weighted: false });
    expect(cellsOf(s)).toEqual([8, 8, 'hidden']);
  });

  it('hides a Likert mean when any point is hidden, since it would solve for the hidden cells', () => {
    const s = shown(
      summarise(likert, tally(likert, [...repeat('p5', 10), ...repeat('p4', 6), 'p1']), {
        k,
        weighted: false,
      }),
    );
    if (s.kind !== 'likert') throw new Error('kind');
    expect(cellsOf(s)).toEqual(['hidden', 0, 0, 'hidden', 10]);
    expect(s.mean).toEqual({ suppressed: true, k });
  });

  it('counts respondents, not weights: heavy weights do not rescue a small cell', () => {
    const s = summarise(
      single,
      tally(single, [...repeat('a', 10), 'b', 'b'], [...Array<number>(10).fill(1), 50, 50]),
      {
        k,
        weighted: true,
      },
    );
    expect(cellsOf(s)).toEqual(['hidden', 'hidden', 0]);
  });

  it('hides a small number of skips', () => {
    const s = shown(summarise(single, tally(single, [...repeat('a', 10), null]), { k, weighted: false }));
    expect(s.skipped).toEqual({ suppressed: true, k });
  });
});

describe('breakdown', () => {
  const k = 5;
  const seg = (category: string, answers: Answer[]): { category: string; tally: Tally } => ({
    category,
    tally: tally(single, answers),
  });

  it('hides a small segment and a complementary one, since overall minus the rest would reveal it', () => {
    const b = breakdown(
      single,
      [
        seg('A', repeat('a', 20)),
        seg('B', repeat('a', 3)),
        seg('C', repeat('b', 8)),
        seg('D', repeat('c', 12)),
      ],
      { k, weighted: false },
    );
    expect(b.overall.suppressed).toBe(false);
    expect(b.segments.map((s) => [s.category, s.summary.suppressed])).toEqual([
      ['A', false],
      ['B', true],
      ['C', true],
      ['D', false],
    ]);
    expect(b.segments[1]?.summary).toEqual({ suppressed: true, k, kind: 'single_choice' });
  });

  it('hides no complementary segment when two are already hidden, or an empty one is the only other', () => {
    const b = breakdown(
      single,
      [seg('A', repeat('a', 20)), seg('B', repeat('a', 3)), seg('C', repeat('b', 2))],
      {
        k,
        weighted: false,
      },
    );
    expect(b.segments.map((s) => s.summary.suppressed)).toEqual([false, true, true]);
    const c = breakdown(single, [seg('A', repeat('a', 20)), seg('B', []), seg('C', repeat('b', 20))], {
      k,
      weighted: false,
    });
    expect(c.segments.map((s) => s.summary.suppressed)).toEqual([false, true, false]);
  });

  it('protects cells by columns against the overall as well as by rows', () => {
    // Overall: a 30, b 12, c 8 (all shown). Segment A has b = 4: hidden, with A's c (5) as its row
    // complement. Column b then has one hidden cell, so the smallest other b (C's 5) is hidden, and
    // column c likewise hides B's c; their rows get complements in turn.
    const b = breakdown(
      single,
      [
        seg('A', [...repeat('a', 10), ...repeat('b', 4), ...repeat('c', 5)]),
        seg('B', [...repeat('a', 10), ...repeat('b', 3), ...repeat('c', 3)]),
        seg('C', [...repeat('a', 10), ...repeat('b', 5)]),
      ],
      { k, weighted: false },
    );
    expect(cellsOf(b.overall)).toEqual([30, 12, 8]);
    const table = b.segments.map((s) => cellsOf(s.summary));
    // No row or column has exactly one hidden non-zero cell.
    for (const row of table) expect(row.filter((x) => x === 'hidden').length).not.toBe(1);
    for (let c = 0; c < 3; c++) expect(table.filter((row) => row[c] === 'hidden').length).not.toBe(1);
    expect(table[0]).toEqual([10, 'hidden', 'hidden']);
    expect(table[1]).toEqual([10, 'hidden', 'hidden']);
  });

  it('suppresses the overall too when the whole survey has fewer than k', () => {
    const b = breakdown(single, [seg('A', repeat('a', 2)), seg('B', repeat('a', 1))], { k, weighted: false });
    expect(b.overall.suppressed).toBe(true);
    expect(b.segments.every((s) => s.summary.suppressed)).toBe(true);
  });
});
