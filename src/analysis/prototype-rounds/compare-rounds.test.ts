import { describe, expect, it } from 'vitest';
import { compareRounds } from './compare-rounds.js';

describe('compareRounds', () => {
  const rounds = [
    { versionId: 'v1', number: 1, questions: [{ id: 'q1', text: 'Is the sign readable?' }] },
    { versionId: 'v2', number: 2, questions: [{ id: 'q2', text: 'Is it clearer now?' }] },
  ];

  it('summarises each round apart: responses, mean and distribution of ratings, remarks and answers', () => {
    const summary = compareRounds(rounds, [
      {
        versionId: 'v1',
        rating: 2,
        works: 'Colours',
        doesNotWork: 'Too small',
        missing: '',
        answers: { q1: 'No' },
      },
      {
        versionId: 'v1',
        rating: 3,
        works: '',
        doesNotWork: 'Font',
        missing: 'Braille',
        answers: { q1: ' ' },
      },
      {
        versionId: 'v2',
        rating: 5,
        works: 'Big letters',
        doesNotWork: '',
        missing: '',
        answers: { q2: 'Yes' },
      },
    ]);
    expect(summary).toEqual([
      {
        versionId: 'v1',
        number: 1,
        responses: 2,
        meanRating: 2.5,
        ratings: [0, 1, 1, 0, 0],
        works: ['Colours'],
        doesNotWork: ['Too small', 'Font'],
        missing: ['Braille'],
        questions: [{ id: 'q1', text: 'Is the sign readable?', answers: ['No'] }],
      },
      {
        versionId: 'v2',
        number: 2,
        responses: 1,
        meanRating: 5,
        ratings: [0, 0, 0, 0, 1],
        works: ['Big letters'],
        doesNotWork: [],
        missing: [],
        questions: [{ id: 'q2', text: 'Is it clearer now?', answers: ['Yes'] }],
      },
    ]);
  });

  it('gives no mean for a round nobody answered, and rounds the mean to one decimal', () => {
    const f = (rating: number) => ({
      versionId: 'v1',
      rating,
      works: '',
      doesNotWork: '',
      missing: '',
      answers: {},
    });
    const [first, second] = compareRounds(rounds, [f(1), f(2), f(2)]);
    expect(first!.meanRating).toBe(1.7);
    expect(second).toMatchObject({ responses: 0, meanRating: null, ratings: [0, 0, 0, 0, 0] });
  });
});
