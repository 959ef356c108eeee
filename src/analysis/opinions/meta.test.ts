import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferMetaStatements, isSelfDescription, latestCommentTime } from './meta.js';
import { parsePolisComments, type PolisComment } from './polis-csv.js';

const fixture = (name: string, file: string) =>
  readFileSync(new URL(`../../../fixtures/polis/${name}/${file}`, import.meta.url), 'utf8');

const comment = (commentId: string, authorId: string, body: string, extra: Partial<PolisComment> = {}) =>
  ({
    timestamp: Number(commentId),
    datetime: '',
    commentId,
    authorId,
    agrees: 0,
    disagrees: 0,
    moderated: 1,
    body,
    ...extra,
  }) satisfies PolisComment;

describe('isSelfDescription', () => {
  it.each([
    'I am 55 years of age or older',
    'I  am under 30 years of age\n',
    "I'm a farmer",
    'I live in a city',
    'I voted to Leave.',
    "I've changed my mind about my vote since the referendum",
    'I consider myself working class.',
    'My ethnicity is White.',
    'My household’s income is $50,000 per year or less',
    'English is my first language.',
    '12. I own property',
    'Ich wohne in Wien',
    'Jeg bor på landet',
  ])('"%s" describes the speaker', (body) => {
    expect(isSelfDescription(body)).toBe(true);
  });

  it.each([
    'I think the Government should stop funding big irrigation schemes.',
    'I am prepared to pay a higher tax rate to improve our public services',
    'I am against a capital gains tax',
    "I don't think it's a bad thing but for smaller businesses it will hurt",
    'I would pay more tax for better schools',
    'We need more public debate about the UBI',
    'Taxes should be simple',
    'Ich bin für eine CO2-Steuer',
    'Jeg synes skatten er for høj',
  ])('"%s" is an opinion', (body) => {
    expect(isSelfDescription(body)).toBe(false);
  });
});

describe('inferMetaStatements', () => {
  it('takes the owner’s first-person statements, not participants’, and not moderated-out ones', () => {
    const comments = [
      comment('1', '0', 'Taxes should be simple'),
      comment('2', '0', 'I live in a town'),
      comment('3', '0', 'I think rents are too high'),
      comment('4', '7', 'I live in a city and rents are too high'),
      comment('5', '0', 'I am 55 or older', { moderated: -1 }),
      comment('6', '0', 'My income is under $50,000'),
    ];
    expect(inferMetaStatements(comments)).toEqual(['2', '6']);
  });

  it('takes an is-meta column as it is when the export has one', () => {
    const comments = [
      comment('1', '0', 'I live in a town', { isMeta: false }),
      comment('2', '0', 'Taxes should be simple', { isMeta: true }),
    ];
    expect(inferMetaStatements(comments)).toEqual(['2']);
  });

  it('finds the meta statements read off the text of the real conversations', () => {
    const found = (name: string) =>
      inferMetaStatements(parsePolisComments(fixture(name, 'comments.csv'))).sort(
        (a, b) => Number(a) - Number(b),
      );
    expect(found('scoop-hivemind.ubi')).toEqual(Array.from({ length: 11 }, (_, i) => String(32 + i)));
    expect(found('london.youth.policing')).toEqual([
      '1',
      ...Array.from({ length: 11 }, (_, i) => String(4 + i)),
    ]);
    expect(found('15-per-hour-seattle')).toEqual([]);
    // "Freedom of Movement is an issue that personally affects me" (12) is not in the first person's form.
    expect(found('brexit-consensus')).toEqual(['0', '1', '3', '10', '11', '15']);
  });

  it('finds none without comments', () => {
    expect(inferMetaStatements([])).toEqual([]);
  });
});

describe('latestCommentTime', () => {
  it('is the largest timestamp, ignoring comments without one', () => {
    expect(
      latestCommentTime([
        comment('5', '0', 'a'),
        comment('9', '0', 'b'),
        comment('1', '0', 'c', { timestamp: null }),
      ]),
    ).toBe(9);
    expect(latestCommentTime([comment('1', '0', 'c', { timestamp: null })])).toBeUndefined();
  });
});
