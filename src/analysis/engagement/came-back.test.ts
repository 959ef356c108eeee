import { describe, expect, it } from 'vitest';
import { cameBack, cameBackReport, windowOpen } from './came-back.js';

const sent = '2026-10-01T00:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const after = (days: number, ms = 0) => new Date(Date.parse(sent) + days * DAY + ms).toISOString();

describe('cameBack', () => {
  it.each([
    ['no activity', [], false],
    ['activity before the send only', [after(-3)], false],
    ['activity at the very moment of sending', [after(0)], false],
    ['a millisecond after sending', [after(0, 1)], true],
    ['exactly 30 days after', [after(30)], true],
    ['30 days and a millisecond after', [after(30, 1)], false],
    ['late activity and one inside the window', [after(45), after(12)], true],
  ] as const)('%s → %s', (_name, times, expected) => {
    expect(cameBack(sent, times)).toBe(expected);
  });
});

describe('cameBackReport', () => {
  it('counts recipients and returners overall, by language and by segment', () => {
    const report = cameBackReport(sent, [
      { locale: 'en', segment: 'lapsed', activityTimes: [after(2)] },
      { locale: 'en', segment: 'lapsed', activityTimes: [] },
      { locale: 'da', segment: 'lapsed', activityTimes: [after(29)] },
      { locale: 'da', segment: 'lapsed', activityTimes: [after(31)] },
      { locale: 'da', segment: 'lapsed', activityTimes: [after(-1)] },
    ]);
    expect(report.total).toEqual({ recipients: 5, cameBack: 2 });
    expect(report.byLocale).toEqual({
      en: { recipients: 2, cameBack: 1 },
      da: { recipients: 3, cameBack: 1 },
    });
    expect(report.bySegment).toEqual({ lapsed: { recipients: 5, cameBack: 2 } });
  });

  it('is empty for a campaign without recipients', () => {
    expect(cameBackReport(sent, [])).toEqual({
      total: { recipients: 0, cameBack: 0 },
      byLocale: {},
      bySegment: {},
    });
  });
});

describe('windowOpen', () => {
  it('is open up to and including 30 days after the send', () => {
    expect(windowOpen(sent, new Date(after(30)))).toBe(true);
    expect(windowOpen(sent, new Date(after(30, 1)))).toBe(false);
  });
});
