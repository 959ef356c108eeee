import { describe, expect, it } from 'vitest';
import {
  groupByTopic,
  pickQuotes,
  QUOTE_MAX,
  shortenQuote,
  summarizeInput,
  type LinkedInput,
} from './summarize-input.js';

const link = (
  inputId: string,
  participantId: string | null,
  inputKind: LinkedInput['inputKind'] = 'idea',
): LinkedInput => ({
  inputKind,
  inputId,
  participantId,
});

describe('summarizeInput', () => {
  it('says nothing was linked when nothing was', () => {
    expect(summarizeInput([], 5)).toEqual({ linked: false, suppressed: false, contributors: 0, inputs: [] });
  });

  it.each([
    // distinct known contributors, k, suppressed
    [4, 5, true],
    [5, 5, false],
    [1, 2, true],
    [2, 2, false],
  ])('%i contributors at k=%i: suppressed %s', (people, k, suppressed) => {
    const links = Array.from({ length: people }, (_, i) => link(`i${i}`, `p${i}`));
    const result = summarizeInput(links, k);
    expect(result.suppressed).toBe(suppressed);
    expect(result.contributors).toBe(suppressed ? null : people);
    expect(result.inputs).toEqual(suppressed ? [] : [{ kind: 'idea', count: people }]);
  });

  it('counts people once however many inputs they gave, and never counts anonymous input as people', () => {
    const links = [
      link('a', 'p1'),
      link('b', 'p1', 'survey_response'),
      link('c', 'p2'),
      link('d', null),
      link('e', null, 'interview'),
    ];
    expect(summarizeInput(links, 3).suppressed).toBe(true);
    expect(summarizeInput(links, 2)).toEqual({
      linked: true,
      suppressed: false,
      contributors: 2,
      inputs: [
        { kind: 'idea', count: 3 },
        { kind: 'survey_response', count: 1 },
        { kind: 'interview', count: 1 },
      ],
    });
  });
});

describe('pickQuotes', () => {
  const texts: Record<string, string> = {
    a: 'First',
    b: 'Second',
    c: 'Third',
    d: 'Fourth',
    e: '  ',
    f: 'Sixth',
  };
  const textOf = (l: LinkedInput) => texts[l.inputId];

  it('quotes only consenting contributors, once each, at most three, skipping empty text', () => {
    const links = [
      link('a', 'yes1'),
      link('b', 'no'),
      link('x', 'yes1'),
      link('c', null),
      link('e', 'yes2'),
      link('f', 'yes2'),
      link('d', 'yes3'),
      link('a', 'yes4'),
    ];
    expect(pickQuotes(links, new Set(['yes1', 'yes2', 'yes3', 'yes4']), textOf)).toEqual([
      'First',
      'Sixth',
      'Fourth',
    ]);
    expect(pickQuotes(links, new Set(), textOf)).toEqual([]);
  });

  it('shortens long text at a word and keeps short text whole', () => {
    expect(shortenQuote('  two\n\nlines ')).toBe('two lines');
    const long = shortenQuote('word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(QUOTE_MAX);
    expect(long.endsWith('word…')).toBe(true);
  });
});

describe('groupByTopic', () => {
  it('orders named topics alphabetically and puts those without one last as null', () => {
    const items = [
      { topic: 'Waiting' },
      { topic: '' },
      { topic: 'Æbler' },
      { topic: 'Adgang' },
      { topic: ' Waiting ' },
    ];
    expect(groupByTopic(items, 'da').map((g) => [g.topic, g.items.length])).toEqual([
      ['Adgang', 1],
      ['Waiting', 2],
      ['Æbler', 1],
      [null, 1],
    ]);
  });
});
