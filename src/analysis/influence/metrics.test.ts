import { describe, expect, it } from 'vitest';
import {
  combineInfluenceData,
  computeInfluence,
  defaultThresholds,
  isTokenRisk,
  median,
  thresholdProblems,
  type InfluenceData,
} from './metrics.js';

const now = '2026-11-24T12:00:00.000Z';

/** A day offset from 2026-11-01 noon as ISO 8601. */
function day(n: number): string {
  return new Date(Date.parse('2026-11-01T12:00:00.000Z') + n * 86_400_000).toISOString();
}

const empty: InfluenceData = {
  inputCount: 0,
  inputs: [],
  reviews: [],
  links: [],
  contributors: [],
  decisions: [],
  closedAt: null,
};

// Ten ideas by three people: a reviewed (day 2), b linked (day 4) and reviewed (day 6), c linked
// twice (days 9 and 3), d linked to nobody's decision ... the rest untouched.
const data: InfluenceData = {
  inputCount: 10,
  inputs: [
    { kind: 'idea', id: 'a', createdAt: day(0), participantId: 'p1' },
    { kind: 'idea', id: 'b', createdAt: day(0), participantId: 'p2' },
    { kind: 'survey_response', id: 'c', createdAt: day(1), participantId: 'p3' },
    { kind: 'idea', id: 'untouched', createdAt: day(1), participantId: 'p1' },
  ],
  reviews: [
    { inputKind: 'idea', inputId: 'a', reviewedAt: day(2) },
    { inputKind: 'idea', inputId: 'b', reviewedAt: day(6) },
  ],
  links: [
    {
      decisionId: 'd1',
      inputKind: 'idea',
      inputId: 'b',
      participantId: 'p2',
      linkedAt: day(4),
      toldAt: day(5),
    },
    {
      decisionId: 'd1',
      inputKind: 'survey_response',
      inputId: 'c',
      participantId: 'p3',
      linkedAt: day(9),
      toldAt: null,
    },
    {
      decisionId: 'd2',
      inputKind: 'survey_response',
      inputId: 'c',
      participantId: 'p3',
      linkedAt: day(3),
      toldAt: null,
    },
  ],
  contributors: ['p1', 'p2', 'p3', 'p4'],
  decisions: [
    { id: 'd1', withUserInput: true },
    { id: 'd2', withUserInput: true },
    { id: 'd3', withUserInput: false },
  ],
  closedAt: null,
};

describe('influence metrics', () => {
  it('counts reviewed (marked or linked) and linked inputs as shares of all input', () => {
    const m = computeInfluence(data, now, defaultThresholds);
    expect(m.inputs).toBe(10);
    expect(m.reviewed).toBe(3);
    expect(m.reviewedShare).toBeCloseTo(0.3, 12);
    expect(m.linked).toBe(2);
    expect(m.linkedShare).toBeCloseTo(0.2, 12);
  });

  it('a linked input counts as reviewed even without a review, and once however many links', () => {
    const m = computeInfluence({ ...data, reviews: [] }, now, defaultThresholds);
    expect(m.reviewed).toBe(2);
    expect(m.linked).toBe(2);
  });

  it('ignores reviews and links of inputs that are not listed (deleted since)', () => {
    const m = computeInfluence(
      {
        ...data,
        reviews: [...data.reviews, { inputKind: 'idea', inputId: 'gone', reviewedAt: day(1) }],
        links: [
          ...data.links,
          {
            decisionId: 'd3',
            inputKind: 'idea',
            inputId: 'gone',
            participantId: 'p4',
            linkedAt: day(1),
            toldAt: day(1),
          },
          // The same id under another kind is another input.
          {
            decisionId: 'd3',
            inputKind: 'interview',
            inputId: 'a',
            participantId: 'p1',
            linkedAt: day(1),
            toldAt: day(1),
          },
        ],
      },
      now,
      defaultThresholds,
    );
    expect(m.reviewed).toBe(3);
    expect(m.linked).toBe(2);
    expect(m.informed).toBe(1);
    expect(m.medianDaysToFeedback).toBe(2);
  });

  it('a contributor is informed when a link to one of their inputs was told; others are not', () => {
    const m = computeInfluence(data, now, defaultThresholds);
    expect(m.contributors).toBe(4);
    // p2 was told; p3 has links but was never told; p1 and p4 have no links.
    expect(m.informed).toBe(1);
    expect(m.informedShare).toBe(0.25);
  });

  it('anonymous links do not inform anyone, and informed people who are not contributors do not count', () => {
    const m = computeInfluence(
      {
        ...data,
        links: [
          {
            decisionId: 'd1',
            inputKind: 'idea',
            inputId: 'a',
            participantId: null,
            linkedAt: day(3),
            toldAt: day(3),
          },
        ],
        contributors: ['p2'],
      },
      now,
      defaultThresholds,
    );
    expect(m.informed).toBe(0);
    expect(m.informedShare).toBe(0);
  });

  it('median days to feedback takes the earlier of first link and review, over inputs with feedback', () => {
    // a: review day 2 − day 0 = 2; b: link day 4 (review day 6 later) = 4; c: first link day 3 − day 1 = 2.
    const m = computeInfluence(data, now, defaultThresholds);
    expect(m.withFeedback).toBe(3);
    expect(m.medianDaysToFeedback).toBe(2);
    // Without a's review, the sample is b (4) and c (2): an even count takes the mean of the middle two.
    const even = computeInfluence({ ...data, reviews: [] }, now, defaultThresholds);
    expect(even.withFeedback).toBe(2);
    expect(even.medianDaysToFeedback).toBe(3);
  });

  it('feedback is fractional days and never negative', () => {
    const m = computeInfluence(
      {
        ...empty,
        inputCount: 2,
        inputs: [
          { kind: 'idea', id: 'x', createdAt: '2026-11-01T00:00:00.000Z', participantId: null },
          { kind: 'idea', id: 'y', createdAt: '2026-11-05T00:00:00.000Z', participantId: null },
        ],
        reviews: [
          { inputKind: 'idea', inputId: 'x', reviewedAt: '2026-11-01T12:00:00.000Z' },
          // Reviewed before its recorded creation (an imported input): counts as 0 days.
          { inputKind: 'idea', inputId: 'y', reviewedAt: '2026-11-04T00:00:00.000Z' },
        ],
      },
      now,
      defaultThresholds,
    );
    expect(m.medianDaysToFeedback).toBe(0.25);
  });

  it('counts decisions with and without user input', () => {
    const m = computeInfluence(data, now, defaultThresholds);
    expect(m.decisionsWithInput).toBe(2);
    expect(m.decisionsWithoutInput).toBe(1);
  });

  it('gives null shares and median when there is nothing to divide by', () => {
    const m = computeInfluence(empty, now, defaultThresholds);
    expect(m).toEqual({
      inputs: 0,
      reviewed: 0,
      reviewedShare: null,
      linked: 0,
      linkedShare: null,
      contributors: 0,
      informed: 0,
      informedShare: null,
      withFeedback: 0,
      medianDaysToFeedback: null,
      decisionsWithInput: 0,
      decisionsWithoutInput: 0,
      daysSinceClosed: null,
      tokenRisk: false,
    });
  });

  it('never divides by fewer inputs than are listed (a census that left some out)', () => {
    const m = computeInfluence({ ...data, inputCount: 2 }, now, defaultThresholds);
    expect(m.inputs).toBe(4);
    expect(m.reviewedShare).toBe(0.75);
  });
});

describe('token-risk flag', () => {
  // One input in five answered = exactly 20 %; closed exactly 60 days before "now".
  const closed60 = new Date(Date.parse(now) - 60 * 86_400_000).toISOString();
  const base: InfluenceData = {
    ...empty,
    inputCount: 5,
    inputs: [{ kind: 'idea', id: 'a', createdAt: day(0), participantId: null }],
    reviews: [{ inputKind: 'idea', inputId: 'a', reviewedAt: day(1) }],
    closedAt: closed60,
  };
  const justAfter = new Date(Date.parse(closed60) - 1).toISOString();

  it('is not raised at exactly D days, nor at exactly P %', () => {
    expect(computeInfluence(base, now, defaultThresholds).tokenRisk).toBe(false);
    expect(computeInfluence({ ...base, closedAt: justAfter }, now, defaultThresholds).tokenRisk).toBe(false);
  });

  it('is raised just past D days with under P % answered', () => {
    const m = computeInfluence({ ...base, closedAt: justAfter, inputCount: 6 }, now, defaultThresholds);
    expect(m.reviewedShare).toBeCloseTo(1 / 6, 12);
    expect(m.daysSinceClosed).toBeGreaterThan(60);
    expect(m.tokenRisk).toBe(true);
  });

  it('is not raised at exactly D days even with nothing answered', () => {
    const m = computeInfluence({ ...base, reviews: [] }, now, defaultThresholds);
    expect(m.daysSinceClosed).toBe(60);
    expect(m.reviewedShare).toBe(0);
    expect(m.tokenRisk).toBe(false);
  });

  it('is never raised before closing or without input', () => {
    expect(computeInfluence({ ...base, closedAt: null, reviews: [] }, now, defaultThresholds).tokenRisk).toBe(
      false,
    );
    expect(computeInfluence({ ...empty, closedAt: day(-365) }, now, defaultThresholds).tokenRisk).toBe(false);
  });

  it('follows configured thresholds at their exact boundaries', () => {
    const closed10 = new Date(Date.parse(now) - 10 * 86_400_000).toISOString();
    const t = { closedDays: 9, responseSharePercent: 50 };
    const twoOfFour: InfluenceData = {
      ...base,
      inputCount: 4,
      inputs: [
        { kind: 'idea', id: 'a', createdAt: day(0), participantId: null },
        { kind: 'idea', id: 'b', createdAt: day(0), participantId: null },
      ],
      reviews: [],
      links: [
        {
          decisionId: 'd',
          inputKind: 'idea',
          inputId: 'a',
          participantId: null,
          linkedAt: day(1),
          toldAt: null,
        },
      ],
      closedAt: closed10,
    };
    expect(computeInfluence(twoOfFour, now, t).tokenRisk).toBe(true); // 25 % < 50 %, 10 > 9 days
    expect(computeInfluence(twoOfFour, now, { ...t, closedDays: 10 }).tokenRisk).toBe(false); // 10 is not > 10
    expect(computeInfluence(twoOfFour, now, { ...t, responseSharePercent: 25 }).tokenRisk).toBe(false); // 25 is not < 25
    expect(computeInfluence(twoOfFour, now, { ...t, responseSharePercent: 26 }).tokenRisk).toBe(true);
    expect(computeInfluence(twoOfFour, now, { closedDays: 0, responseSharePercent: 0 }).tokenRisk).toBe(
      false,
    );
  });

  it('isTokenRisk compares strictly on both thresholds', () => {
    expect(isTokenRisk(60.0001, 0.1999, defaultThresholds)).toBe(true);
    expect(isTokenRisk(60, 0.1999, defaultThresholds)).toBe(false);
    expect(isTokenRisk(60.0001, 0.2, defaultThresholds)).toBe(false);
    expect(isTokenRisk(null, 0, defaultThresholds)).toBe(false);
    expect(isTokenRisk(100, null, defaultThresholds)).toBe(false);
  });
});

describe('organization figures', () => {
  it('add up inputs and decisions, count each contributor once and carry no closing date', () => {
    const other: InfluenceData = {
      ...empty,
      inputCount: 5,
      inputs: [{ kind: 'idea', id: 'z', createdAt: day(0), participantId: 'p1' }],
      links: [
        {
          decisionId: 'd9',
          inputKind: 'idea',
          inputId: 'z',
          participantId: 'p1',
          linkedAt: day(10),
          toldAt: day(11),
        },
      ],
      contributors: ['p1', 'p9'],
      decisions: [{ id: 'd9', withUserInput: true }],
      closedAt: day(-400),
    };
    const combined = combineInfluenceData([{ ...data, closedAt: day(-400) }, other]);
    expect(combined.closedAt).toBeNull();
    const m = computeInfluence(combined, now, defaultThresholds);
    expect(m.inputs).toBe(15);
    expect(m.reviewed).toBe(4);
    expect(m.linked).toBe(3);
    expect(m.contributors).toBe(5);
    expect(m.informed).toBe(2);
    expect(m.decisionsWithInput).toBe(3);
    expect(m.decisionsWithoutInput).toBe(1);
    // Days 2, 4, 2 and 10: median 3.
    expect(m.medianDaysToFeedback).toBe(3);
    expect(m.tokenRisk).toBe(false);
  });
});

describe('median', () => {
  it('takes the middle value, the mean of the middle two, or null', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('threshold form', () => {
  it('accepts whole numbers within range, including both ends', () => {
    expect(thresholdProblems({ closedDays: '0', responseSharePercent: '100' })).toEqual([]);
    expect(thresholdProblems({ closedDays: 3650, responseSharePercent: 0 })).toEqual([]);
  });

  it('names each wrong field with its reason', () => {
    expect(thresholdProblems({ closedDays: '', responseSharePercent: '12.5' })).toEqual([
      { field: 'closedDays', code: 'required', min: 0, max: 3650 },
      { field: 'responseSharePercent', code: 'wholeNumber', min: 0, max: 100 },
    ]);
    expect(thresholdProblems({ closedDays: '3651', responseSharePercent: '-1' })).toEqual([
      { field: 'closedDays', code: 'outOfRange', min: 0, max: 3650 },
      { field: 'responseSharePercent', code: 'outOfRange', min: 0, max: 100 },
    ]);
    expect(thresholdProblems({ closedDays: 'sixty', responseSharePercent: undefined })).toEqual([
      { field: 'closedDays', code: 'wholeNumber', min: 0, max: 3650 },
      { field: 'responseSharePercent', code: 'required', min: 0, max: 100 },
    ]);
  });
});
