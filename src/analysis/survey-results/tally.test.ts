import { describe, expect, it } from 'vitest';
import { addToTally, emptyTally, mergeTallies, removeFromTally, tallyAnswers, type Tally } from './tally.js';
import type { Answer, ResultQuestion } from './types.js';

const single: ResultQuestion = { kind: 'single_choice', options: ['a', 'b', 'c'] };
const multiple: ResultQuestion = { kind: 'multiple_choice', options: ['a', 'b', 'c'] };
const likert: ResultQuestion = { kind: 'likert', options: ['p1', 'p2', 'p3', 'p4', 'p5'] };
const rating: ResultQuestion = { kind: 'rating', min: 1, max: 5 };
const ranking: ResultQuestion = { kind: 'ranking', options: ['x', 'y', 'z'] };

function addAll(question: ResultQuestion, answers: readonly (readonly [Answer, number])[]): Tally {
  return answers.reduce((t, [a, w]) => addToTally(t, a, w), emptyTally(question));
}

describe('addToTally', () => {
  it('counts single choice answers, weighted and unweighted side by side, and skips', () => {
    const t = addAll(single, [
      ['a', 1],
      ['a', 2],
      ['b', 0.5],
      [null, 3],
      ['', 1],
    ]);
    expect(t.kind === 'single_choice' && t.options).toEqual({
      a: { n: 2, w: 3, ww: 5 },
      b: { n: 1, w: 0.5, ww: 0.25 },
      c: { n: 0, w: 0, ww: 0 },
    });
    expect(t.answered).toEqual({ n: 3, w: 3.5, ww: 5.25 });
    expect(t.skipped).toEqual({ n: 2, w: 4, ww: 10 });
  });

  it('is pure and its result survives a JSON round trip', () => {
    const empty = emptyTally(single);
    const before = JSON.stringify(empty);
    const t = addToTally(empty, 'a');
    expect(JSON.stringify(empty)).toBe(before);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
    expect(addToTally(JSON.parse(JSON.stringify(t)) as Tally, 'a').answered.n).toBe(2);
  });

  it('keeps Likert moments of the point index 1..N', () => {
    const t = addAll(likert, [
      ['p1', 1],
      ['p5', 2],
      ['p4', 1],
    ]);
    if (t.kind !== 'likert') throw new Error('kind');
    expect(t.moments).toEqual({ n: 3, sw: 4, sx: 10, sxx: 42, swx: 15, swxx: 67, sww: 6 });
  });

  it('buckets NPS scores (0-6 detractors, 7-8 passives, 9-10 promoters)', () => {
    const t = addAll(
      { kind: 'nps' },
      [0, 6, 7, 8, 9, 10].map((x) => [x, 1] as const),
    );
    if (t.kind !== 'nps') throw new Error('kind');
    expect([t.detractors.n, t.passives.n, t.promoters.n]).toEqual([2, 2, 2]);
    expect(t.scores['6']).toEqual({ n: 1, w: 1, ww: 1 });
  });

  it('sums ranks per item and accepts partial rankings', () => {
    const t = addAll(ranking, [
      [['x', 'y', 'z'], 1],
      [['y', 'x'], 1],
    ]);
    if (t.kind !== 'ranking') throw new Error('kind');
    expect(t.items.x).toEqual({ n: 2, w: 2, ww: 2, rankSum: 3, wRankSum: 3 });
    expect(t.items.z).toEqual({ n: 1, w: 1, ww: 1, rankSum: 3, wRankSum: 3 });
  });

  it('counts multiple choice options once per ticking respondent; an empty array is a skip', () => {
    const t = addAll(multiple, [
      [['a', 'b'], 1],
      [['a'], 1],
      [[], 1],
    ]);
    if (t.kind !== 'multiple_choice') throw new Error('kind');
    expect([t.options.a?.n, t.options.b?.n, t.answered.n, t.skipped.n]).toEqual([2, 1, 2, 1]);
  });

  it('counts dates per day', () => {
    const t = addAll({ kind: 'date' }, [
      ['2024-02-29', 1],
      ['2024-02-29', 1],
      ['2024-03-01', 1],
    ]);
    expect(t.kind === 'date' && t.days).toEqual({
      '2024-02-29': { n: 2, w: 2, ww: 2 },
      '2024-03-01': { n: 1, w: 1, ww: 1 },
    });
  });

  it.each<[ResultQuestion, Answer, ErrorConstructor]>([
    [single, 'nope', RangeError],
    [single, 3, TypeError],
    [multiple, ['a', 'a'], RangeError],
    [multiple, 'a', TypeError],
    [rating, 6, RangeError],
    [rating, Number.NaN, RangeError],
    [{ kind: 'nps' }, 7.5, RangeError],
    [{ kind: 'nps' }, 11, RangeError],
    [{ kind: 'date' }, '2023-02-29', RangeError],
    [{ kind: 'date' }, '29/02/2024', RangeError],
    [ranking, ['x', 'q'], RangeError],
  ])('rejects bad answers (%j, %j) without changing anything', (question, answer, error) => {
    const t = emptyTally(question);
    expect(() => addToTally(t, answer)).toThrow(error);
    expect(() =>
      tallyAnswers(question, [{ answer: question.kind === 'rating' ? 3 : null }, { answer }]),
    ).toThrow(error);
  });

  it('rejects negative or non-finite weights', () => {
    expect(() => addToTally(emptyTally(single), 'a', -1)).toThrow(RangeError);
    expect(() => addToTally(emptyTally(single), 'a', Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('never writes to a prototype, whatever the option id', () => {
    const t = addToTally(emptyTally({ kind: 'single_choice', options: ['__proto__'] }), '__proto__');
    expect(t.kind === 'single_choice' && Object.getPrototypeOf(t.options)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(t))).toMatchObject({ options: { ['__proto__']: { n: 1 } } });
    expect(() => addToTally(emptyTally(single), 'toString')).toThrow(RangeError);
  });
});

describe('removeFromTally', () => {
  it('undoes addToTally exactly, back to zeros', () => {
    const t = addAll(rating, [
      [4, 0.3],
      [2, 0.7],
    ]);
    const back = removeFromTally(removeFromTally(t, 4, 0.3), 2, 0.7);
    expect(back).toEqual({
      ...emptyTally(rating),
      values: { '4': { n: 0, w: 0, ww: 0 }, '2': { n: 0, w: 0, ww: 0 } },
    });
  });
});

describe('mergeTallies', () => {
  const cases: [ResultQuestion, Answer[]][] = [
    [single, ['a', 'b', null, 'c', 'a', 'a']],
    [multiple, [['a'], ['b', 'c'], [], ['a', 'c'], null, ['c']]],
    [likert, ['p1', 'p3', 'p3', null, 'p5', 'p2']],
    [rating, [1, 5, 3.5, null, 2, 4]],
    [{ kind: 'nps' }, [0, 10, 7, 9, null, 3]],
    [{ kind: 'number' }, [12.5, -3, 0, 1e6, null, 7]],
    [ranking, [['x', 'y', 'z'], ['z', 'x', 'y'], null, ['y'], ['x', 'z'], ['z']]],
    [{ kind: 'date' }, ['2024-01-01', '2024-01-02', null, '2023-12-31', '2024-01-01', '2024-05-05']],
    [{ kind: 'long_text' }, ['hello', '  ', 'bye', null, 'x', 'y']],
    [
      { kind: 'demographic', options: ['d1', 'd2', 'prefer_not'] },
      ['d1', 'prefer_not', null, 'd2', 'd1', 'd1'],
    ],
  ];
  it.each(cases)('merge of two halves equals tallying all (%j)', (question, answers) => {
    const weights = [1, 0.5, 2, 1.25, 3, 0.75];
    const entries = answers.map((answer, i) => ({ answer, weight: weights[i] ?? 1 }));
    const all = tallyAnswers(question, entries);
    const merged = mergeTallies(
      tallyAnswers(question, entries.slice(0, 2)),
      tallyAnswers(question, entries.slice(2)),
    );
    expect(merged).toEqual(all);
    // Merging is commutative up to the order of keys in records.
    expect(
      mergeTallies(tallyAnswers(question, entries.slice(2)), tallyAnswers(question, entries.slice(0, 2))),
    ).toEqual(all);
  });

  it('keeps options of both versions, and refuses tallies of different shapes', () => {
    const v1 = addToTally(emptyTally(single), 'c');
    const v2 = addToTally(emptyTally({ kind: 'single_choice', options: ['a', 'b', 'd'] }), 'd');
    const merged = mergeTallies(v1, v2);
    expect(merged.kind === 'single_choice' && Object.keys(merged.options).sort()).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(() => mergeTallies(emptyTally(single), emptyTally(multiple))).toThrow(RangeError);
    expect(() => mergeTallies(emptyTally(rating), emptyTally({ kind: 'rating', min: 0, max: 10 }))).toThrow(
      RangeError,
    );
    expect(() =>
      mergeTallies(emptyTally(likert), emptyTally({ kind: 'likert', options: ['a', 'b'] })),
    ).toThrow(RangeError);
  });
});
