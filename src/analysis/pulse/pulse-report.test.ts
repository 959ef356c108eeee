import { describe, expect, it } from 'vitest';
import {
  complementHidden,
  NOT_ANSWERED,
  pulseReport,
  questionResult,
  summariseGroup,
  summariseRows,
  type PulseAnswer,
} from './index.js';

const answer = (
  heard: number | null,
  easy: number | null = null,
  again: number | null = null,
  extra: Partial<PulseAnswer> = {},
): PulseAnswer => ({ kind: 'ideas', scores: { heard, easy, again }, comment: '', segments: {}, ...extra });

const times = (n: number, make: (i: number) => PulseAnswer): PulseAnswer[] =>
  Array.from({ length: n }, (_, i) => make(i));

describe('pulse question results', () => {
  it('counts points 1..5, skips nulls and out-of-scale values, and gives the t-based 95% interval', () => {
    const answers = [
      answer(1),
      answer(2),
      answer(3),
      answer(4),
      answer(5),
      answer(null),
      answer(7),
      answer(2.5),
    ];
    const r = questionResult(answers, 'heard');
    expect(r.respondents).toBe(5);
    expect(r.counts).toEqual([1, 1, 1, 1, 1]);
    expect(r.mean?.mean).toBe(3);
    // sd = sqrt(2.5), se = sd / sqrt(5), t(0.975, 4) = 2.776445105
    const half = 2.776445105 * Math.sqrt(2.5 / 5);
    expect(r.mean?.ci?.lower).toBeCloseTo(3 - half, 6);
    expect(r.mean?.ci?.upper).toBeCloseTo(3 + half, 6);
    expect(r.mean?.ci?.df).toBe(4);
  });

  it('gives a mean without an interval for one respondent and nothing for none', () => {
    expect(questionResult([answer(4)], 'heard').mean).toMatchObject({ mean: 4, ci: null });
    expect(questionResult([answer(null, 3)], 'heard').mean).toBeNull();
  });
});

describe('pulse suppression boundary', () => {
  it('hides a group of k-1 respondents entirely: no numbers and no free text', () => {
    const group = summariseGroup(
      times(4, () => answer(5, 5, 5, { comment: 'Felt heard' })),
      5,
    );
    expect(group).toEqual({ suppressed: true, k: 5 });
  });

  it('shows a group of exactly k respondents with its numbers and free texts', () => {
    const group = summariseGroup(
      times(5, (i) => answer(i + 1, 4, null, { comment: i === 0 ? '  Too long a form ' : '' })),
      5,
    );
    expect(group.suppressed).toBe(false);
    if (group.suppressed) return;
    expect(group.respondents).toBe(5);
    expect(group.comments).toEqual(['Too long a form']);
    // Every point has 1 < k people: all hidden, and so is the mean, but the question's count stays.
    expect(group.questions.heard).toEqual({
      suppressed: false,
      respondents: 5,
      counts: [null, null, null, null, null],
      mean: { suppressed: true, k: 5 },
    });
    expect(group.questions.easy).toMatchObject({ suppressed: false, counts: [0, 0, 0, 5, 0] });
    // Nobody answered "again": fewer than k behind it.
    expect(group.questions.again).toEqual({ suppressed: true, k: 5 });
  });

  it('hides one question answered by k-1 inside a shown group, and shows it at k', () => {
    const fourAnswered = [...times(4, () => answer(3, 2)), answer(3, null)];
    const g = summariseGroup(fourAnswered, 5);
    if (g.suppressed) throw new Error('group should be shown');
    expect(g.questions.heard.suppressed).toBe(false);
    expect(g.questions.easy).toEqual({ suppressed: true, k: 5 });
    const all = summariseGroup(
      times(5, () => answer(3, 2)),
      5,
    );
    if (all.suppressed) throw new Error('group should be shown');
    expect(all.questions.easy.suppressed).toBe(false);
  });

  it('rejects a k that is not a whole number >= 1', () => {
    expect(() => summariseGroup([], 0)).toThrow(RangeError);
    expect(() => summariseGroup([], 2.5)).toThrow(RangeError);
  });
});

describe('pulse rows that add up to everyone', () => {
  it('hides the smallest shown rows while the hidden ones hold 1..k-1 people (no differencing)', () => {
    expect(complementHidden([3, 6, 9], [true, false, false], 5)).toEqual([true, true, false]);
    // Hidden rows holding k people together protect each other; rows without people are never complements.
    expect(complementHidden([3, 2, 9], [true, true, false], 5)).toEqual([true, true, false]);
    expect(complementHidden([3, 0, 9], [true, false, false], 5)).toEqual([true, false, true]);
    // Two hidden rows of one person each are still fewer than k together: the rest goes too.
    expect(complementHidden([1, 1, 9], [true, true, false], 5)).toEqual([true, true, true]);
    // k-1 hidden together takes a complement; exactly k does not.
    expect(complementHidden([2, 2, 6, 7], [true, true, false, false], 5)).toEqual([true, true, true, false]);
    expect(complementHidden([2, 3, 6, 7], [true, true, false, false], 5)).toEqual([true, true, false, false]);
    expect(complementHidden([0, 6], [true, false], 5)).toEqual([true, false]);
  });

  it('hides a segment of k-1 and its complement, shows segments of k', () => {
    const rows = [times(4, () => answer(1)), times(5, () => answer(2)), times(7, () => answer(5))];
    const groups = summariseRows(rows, 5);
    expect(groups.map((g) => g.suppressed)).toEqual([true, true, false]);
    const atK = summariseRows(
      [times(5, () => answer(1)), times(5, () => answer(2)), times(7, () => answer(5))],
      5,
    );
    expect(atK.map((g) => g.suppressed)).toEqual([false, false, false]);
  });

  it('applies the complement per question across shown rows', () => {
    // Both rows are shown, but in the first only 4 answered "easy": its complement in the second hides too.
    const rows = [[...times(4, () => answer(4, 4)), answer(4, null)], times(6, () => answer(2, 5))];
    const [a, b] = summariseRows(rows, 5);
    if (!a || !b || a.suppressed || b.suppressed) throw new Error('rows should be shown');
    expect(a.questions.easy.suppressed).toBe(true);
    expect(b.questions.easy.suppressed).toBe(true);
    expect(a.questions.heard.suppressed).toBe(false);
    expect(b.questions.heard.suppressed).toBe(false);
  });
});

describe('the pulse report', () => {
  const women = 'cat-women';
  const men = 'cat-men';
  const answers = [
    ...times(6, (i) => answer(5, 4, 5, { kind: 'survey', segments: { gender: women }, comment: `w${i}` })),
    ...times(5, () => answer(2, 3, 1, { kind: 'ideas', segments: { gender: men }, comment: 'm' })),
    ...times(2, () => answer(3, 3, 3, { kind: 'ideas', segments: {} })),
  ];

  it('reports everyone, each kind and each segment with not-answered last', () => {
    const report = pulseReport(answers, {
      k: 5,
      kinds: ['survey', 'ideas', 'conversation'],
      attributes: [{ id: 'gender', segments: [women, men, 'prefer_not_to_say'] }],
    });
    expect(report.respondents).toBe(13);
    expect(report.overall.suppressed).toBe(false);
    expect(report.byKind.map((r) => [r.kind, r.group.suppressed])).toEqual([
      ['survey', false],
      ['ideas', false],
      ['conversation', true],
    ]);
    const segments = report.byAttribute[0]!.segments;
    expect(segments.map((s) => s.key)).toEqual([women, men, 'prefer_not_to_say', NOT_ANSWERED]);
    // Not answered (2) is below k and the only hidden segment with people: men (5), the smallest shown, goes too.
    expect(segments.map((s) => s.group.suppressed)).toEqual([false, true, true, true]);
    const w = segments[0]!.group;
    if (w.suppressed) throw new Error('women should be shown');
    expect(w.respondents).toBe(6);
    expect(w.comments).toHaveLength(6);
    expect(w.questions.heard).toMatchObject({ suppressed: false, counts: [0, 0, 0, 0, 6] });
    expect(w.questions.heard).toMatchObject({ mean: { suppressed: false, mean: 5 } });
  });

  it('counts an answer with an unknown segment key as not answered', () => {
    const report = pulseReport(
      times(5, () => answer(4, null, null, { segments: { gender: 'deleted-category' } })),
      { k: 5, kinds: ['ideas'], attributes: [{ id: 'gender', segments: [women] }] },
    );
    const seg = report.byAttribute[0]!.segments;
    expect(seg.map((s) => [s.key, s.group.suppressed])).toEqual([
      [women, true],
      [NOT_ANSWERED, false],
    ]);
  });

  it('shows nothing at all when everyone together is fewer than k', () => {
    const report = pulseReport(
      times(4, () => answer(5, null, null, { comment: 'secret' })),
      {
        k: 5,
        kinds: ['ideas'],
        attributes: [],
      },
    );
    expect(report.overall).toEqual({ suppressed: true, k: 5 });
    expect(report.byKind[0]!.group).toEqual({ suppressed: true, k: 5 });
    expect(JSON.stringify(report)).not.toContain('secret');
  });
});

describe('pulse cells (points) inside a shown question', () => {
  it('hides a point of k-1 with its complement, shows a point of exactly k, and always shows zero', () => {
    // k = 3. heard: 2 at point 1 (k-1), 3 at point 5 (k): the lone hidden point would be 5 - 3 = 2, so
    // the smallest other non-zero point (5) goes too, and so does the mean.
    const group = summariseGroup([...times(2, () => answer(1)), ...times(3, () => answer(5))], 3);
    if (group.suppressed) throw new Error('group should be shown');
    expect(group.questions.heard).toEqual({
      suppressed: false,
      respondents: 5,
      counts: [null, 0, 0, 0, null],
      mean: { suppressed: true, k: 3 },
    });
  });

  it('shows every point of k or more, zeros included, with the mean and interval', () => {
    const group = summariseGroup([...times(3, () => answer(2)), ...times(4, () => answer(4))], 3);
    if (group.suppressed) throw new Error('group should be shown');
    const heard = group.questions.heard;
    expect(heard).toMatchObject({ suppressed: false, respondents: 7, counts: [0, 3, 0, 4, 0] });
    if (heard.suppressed || !heard.mean || heard.mean.suppressed) throw new Error('mean should be shown');
    expect(heard.mean.mean).toBeCloseTo(22 / 7, 10);
    expect(heard.mean.ci).not.toBeNull();
  });

  it('does not add a complement when two points are hidden already', () => {
    // 1 and 2 people (both < k = 3) hidden; 4 at point 5 shown: 7 - 4 = 3 only gives their sum.
    const group = summariseGroup([answer(1), ...times(2, () => answer(3)), ...times(4, () => answer(5))], 3);
    if (group.suppressed) throw new Error('group should be shown');
    expect(group.questions.heard).toMatchObject({
      counts: [null, 0, null, 0, 4],
      mean: { suppressed: true },
    });
  });

  it('hides a zero point as the complement when no other point has people', () => {
    // 1 at point 2 and 4 at point 4 with k = 2: point 2 hidden, then point 4 (the only other with people).
    const group = summariseGroup([answer(2), ...times(4, () => answer(4))], 2);
    if (group.suppressed) throw new Error('group should be shown');
    expect(group.questions.heard).toMatchObject({ counts: [0, null, 0, null, 0] });
    // Only point 3 with people: nothing hidden at all.
    const one = summariseGroup(
      times(2, () => answer(3)),
      2,
    );
    if (one.suppressed) throw new Error('group should be shown');
    expect(one.questions.heard).toMatchObject({
      counts: [0, 0, 2, 0, 0],
      mean: { suppressed: false, mean: 3 },
    });
  });

  it('hides a row point that everyone minus the other rows would give away (column complement)', () => {
    // k = 3, two kinds. Everyone: point 4 = 3 + 3 = 6 shown, point 5 = 2 + 4 = 6 shown. In survey, point 5
    // has 2 (< k) and is hidden with its row complement (point 4). Everyone's point 5 (6) minus ideas'
    // point 5 would give survey's 2 back, so ideas' point 5 is hidden too, and then ideas' point 4.
    const survey = [
      ...times(3, () => answer(4, null, null, { kind: 'survey' })),
      ...times(2, () => answer(5, null, null, { kind: 'survey' })),
    ];
    const ideas = [...times(3, () => answer(4)), ...times(4, () => answer(5))];
    const report = pulseReport([...survey, ...ideas], { k: 3, kinds: ['survey', 'ideas'], attributes: [] });
    const overall = report.overall;
    if (overall.suppressed) throw new Error('everyone should be shown');
    expect(overall.questions.heard).toMatchObject({ counts: [0, 0, 0, 6, 6], mean: { suppressed: false } });
    const [s, i] = report.byKind.map((r) => r.group);
    if (!s || s.suppressed || !i || i.suppressed) throw new Error('both kinds should be shown');
    expect(s.questions.heard).toMatchObject({
      counts: [0, 0, 0, null, null],
      mean: { suppressed: true, k: 3 },
    });
    expect(i.questions.heard).toMatchObject({
      counts: [0, 0, 0, null, null],
      mean: { suppressed: true, k: 3 },
    });
  });

  it("keeps a row point when everyone's point is itself hidden (nothing to subtract from)", () => {
    // Everyone: point 1 = 2 (< k = 3) and point 5 = 9 -> both hidden. Survey (2) is hidden as a group,
    // with conversation (3) as its complement; ideas alone (6 at point 5) stays shown with its numbers.
    const survey = times(2, () => answer(1, null, null, { kind: 'survey' }));
    const talk = times(3, () => answer(5, null, null, { kind: 'conversation' }));
    const ideas = times(6, () => answer(5));
    const report = pulseReport([...survey, ...talk, ...ideas], {
      k: 3,
      kinds: ['survey', 'conversation', 'ideas'],
      attributes: [],
    });
    if (report.overall.suppressed) throw new Error('everyone should be shown');
    expect(report.overall.questions.heard).toMatchObject({ counts: [null, 0, 0, 0, null] });
    expect(report.byKind.map((r) => r.group.suppressed)).toEqual([true, true, false]);
    const i = report.byKind[2]!.group;
    if (i.suppressed) throw new Error('ideas should be shown');
    expect(i.questions.heard).toMatchObject({
      counts: [0, 0, 0, 0, 6],
      mean: { suppressed: false, mean: 5 },
    });
  });

  it('treats every column total as published when summariseRows gets no overall', () => {
    const rows = [
      times(3, () => answer(5, null, null, { kind: 'survey' })),
      [...times(3, () => answer(5)), answer(4), answer(4)],
    ];
    const [a, b] = summariseRows(rows, 3);
    if (!a || a.suppressed || !b || b.suppressed) throw new Error('both rows should be shown');
    // b's point 4 (2 < k) hidden with its row complement (point 5); column 5 then has a lone hidden b,
    // so a's point 5 goes too. a has no other point with people, so the surveys' helper hides its zero
    // points as the row complement (they cannot narrow down the hidden point then).
    expect(b.questions.heard).toMatchObject({ counts: [0, 0, 0, null, null] });
    expect(a.questions.heard).toMatchObject({ counts: [null, null, null, null, null] });
  });
});
