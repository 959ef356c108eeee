import { describe, expect, it } from 'vitest';
import { countSegments, latestOf, segmentOf, segmentParticipants, type SegmentInput } from './segments.js';

const now = new Date('2026-11-24T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
/** The moment `days` days (plus `ms` milliseconds) before `now`. */
const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY - ms).toISOString();

describe('segmentOf with the default N = 90', () => {
  it.each([
    ['never contributed', null, 'never_active'],
    ['just now', ago(0), 'active'],
    ['in the future (clock skew)', ago(-1), 'active'],
    ['one millisecond short of 90 days', ago(90, -1), 'active'],
    ['exactly 90 days ago', ago(90), 'lapsed'],
    ['90 days and a millisecond ago', ago(90, 1), 'lapsed'],
    ['two years ago', ago(730), 'lapsed'],
  ] as const)('%s → %s', (_name, at, segment) => {
    expect(segmentOf(at, now, 90)).toBe(segment);
  });
});

describe('segmentOf when N differs from 90', () => {
  it('N = 30: lapsed from exactly 30 days, active before; nobody is quiet', () => {
    expect(segmentOf(ago(30, -1), now, 30)).toBe('active');
    expect(segmentOf(ago(30), now, 30)).toBe('lapsed');
    expect(segmentOf(ago(60), now, 30)).toBe('lapsed');
    expect(segmentOf(ago(89), now, 30)).toBe('lapsed');
  });

  it('N = 180: active under 90 days, quiet from 90 to just under 180, lapsed from exactly 180', () => {
    expect(segmentOf(ago(90, -1), now, 180)).toBe('active');
    expect(segmentOf(ago(90), now, 180)).toBe('quiet');
    expect(segmentOf(ago(180, -1), now, 180)).toBe('quiet');
    expect(segmentOf(ago(180), now, 180)).toBe('lapsed');
  });
});

describe('segmentParticipants', () => {
  const person = (over: Partial<SegmentInput> & { id: string }): SegmentInput => ({
    erased: false,
    lastContributionAt: null,
    lastJoinedAt: null,
    ...over,
  });

  it('leaves erased participants out and counts every segment', () => {
    const result = segmentParticipants(
      [
        person({ id: 'a', lastContributionAt: ago(10) }),
        person({ id: 'b', lastContributionAt: ago(100) }),
        person({ id: 'c', lastJoinedAt: ago(1) }),
        person({ id: 'd', erased: true, lastContributionAt: ago(200) }),
        person({ id: 'e' }),
      ],
      now,
    );
    expect(result.map((p) => [p.id, p.segment])).toEqual([
      ['a', 'active'],
      ['b', 'lapsed'],
      ['c', 'never_active'],
      ['e', 'never_active'],
    ]);
    expect(countSegments(result)).toEqual({ active: 1, quiet: 0, lapsed: 1, never_active: 2 });
  });

  it('joining a new initiative counts as activity for someone who contributed before', () => {
    const [p] = segmentParticipants(
      [person({ id: 'a', lastContributionAt: ago(300), lastJoinedAt: ago(5) })],
      now,
      90,
    );
    expect(p).toEqual({ id: 'a', segment: 'active', lastActivityAt: ago(5) });
  });

  it('uses the default N when none is given', () => {
    const [p] = segmentParticipants([person({ id: 'a', lastContributionAt: ago(90) })], now);
    expect(p!.segment).toBe('lapsed');
  });
});

describe('latestOf', () => {
  it('compares instants, not text, and skips missing or malformed values', () => {
    expect(latestOf(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:01Z', null, 'not a date'])).toBe(
      '2026-01-01T00:00:01Z',
    );
    expect(latestOf([null, undefined])).toBeNull();
  });
});
