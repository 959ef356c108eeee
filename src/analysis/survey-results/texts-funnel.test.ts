import { describe, expect, it } from 'vitest';
import { funnel, funnelsBy } from './funnel.js';
import { foldForSearch, searchTexts, textsVisible, visibleTextSegments } from './texts.js';

describe('searchTexts', () => {
  const texts = [
    'Ventetiden på SKADESTUEN var lang',
    'Café au lait',
    'Søren var sød',
    'nothing here',
    'Straße',
  ];

  it('is case- and accent-insensitive and Unicode-normalised', () => {
    expect(searchTexts(texts, 'skadestuen')).toEqual([texts[0]]);
    expect(searchTexts(texts, 'pa skade')).toEqual([texts[0]]);
    expect(searchTexts(texts, 'CAFE')).toEqual([texts[1]]);
    // Decomposed input (e + combining acute) matches the precomposed text.
    expect(searchTexts(texts, 'cafe\u0301')).toEqual([texts[1]]);
    expect(searchTexts(texts, 'soren')).toEqual([texts[2]]);
    expect(searchTexts(texts, 'strasse')).toEqual([texts[4]]);
    expect(searchTexts(texts, '  ')).toEqual(texts);
    expect(searchTexts(texts, 'xyz')).toEqual([]);
  });

  it('searches records through an accessor, keeping their order', () => {
    const items = [
      { id: 2, text: 'Åben hele dagen' },
      { id: 1, text: 'aben' },
    ];
    expect(searchTexts(items, 'ÅBEN', (i) => i.text).map((i) => i.id)).toEqual([2, 1]);
  });

  it('folds white space', () => {
    expect(foldForSearch('  a\n\tb  ')).toBe('a b');
  });
});

describe('textsVisible', () => {
  it('needs k respondents', () => {
    expect(textsVisible(4, 5)).toBe(false);
    expect(textsVisible(5, 5)).toBe(true);
    expect(() => textsVisible(5, 0)).toThrow(RangeError);
  });

  it('hides a complementary segment when one alone would be hidden', () => {
    expect(visibleTextSegments([20, 3, 8, 12], 5)).toEqual([true, false, false, true]);
    expect(visibleTextSegments([20, 3, 8, 12], 5, false)).toEqual([true, false, true, true]);
  });
});

describe('funnel', () => {
  it('gives counts and rates', () => {
    expect(funnel({ invited: 200, started: 80, completed: 50 }, 5)).toEqual({
      suppressed: false,
      invited: 200,
      started: 80,
      startRate: 0.4,
      completed: { suppressed: false, count: 50, completionRate: 0.625, responseRate: 0.25 },
    });
  });

  it('suppresses at k−1 started, shows at k, and hides a small completed count', () => {
    expect(funnel({ invited: 10, started: 4, completed: 0 }, 5)).toEqual({ suppressed: true, k: 5 });
    const f = funnel({ invited: null, started: 5, completed: 4 }, 5);
    expect(f).toEqual({
      suppressed: false,
      invited: null,
      started: 5,
      startRate: null,
      completed: { suppressed: true, k: 5 },
    });
  });

  it('suppresses channels with the complementary rule', () => {
    const rows = funnelsBy(
      [
        { group: 'invitation', invited: 100, started: 40, completed: 30 },
        { group: 'kiosk', invited: null, started: 3, completed: 3 },
        { group: 'paper', invited: null, started: 9, completed: 9 },
        { group: 'public_link', invited: null, started: 60, completed: 20 },
      ],
      5,
    );
    expect(rows.map((r) => [r.group, r.suppressed])).toEqual([
      ['invitation', false],
      ['kiosk', true],
      ['paper', true],
      ['public_link', false],
    ]);
    expect(JSON.stringify(rows[1])).toBe('{"group":"kiosk","suppressed":true,"k":5}');
  });

  it('rejects impossible counts', () => {
    expect(() => funnel({ invited: 5, started: 3, completed: 4 }, 5)).toThrow(RangeError);
  });
});
