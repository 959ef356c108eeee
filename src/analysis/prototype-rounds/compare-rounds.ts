// Side-by-side comparison of a prototype's feedback rounds: per round, how many answered, the
// rating (mean and distribution) and what was said, grouped by question and by kind of remark.
// Pure: fed the rounds and their feedback, no I/O, no clock.

/** A round as the comparison needs it. */
export interface RoundInput {
  versionId: string;
  number: number;
  questions: { id: string; text: string }[];
}

/** One piece of feedback as the comparison needs it. */
export interface FeedbackInput {
  versionId: string;
  rating: number;
  works: string;
  doesNotWork: string;
  missing: string;
  answers: Record<string, string>;
}

/** A round's summary. */
export interface RoundSummary {
  versionId: string;
  number: number;
  responses: number;
  /** Mean rating rounded to one decimal, null without responses. */
  meanRating: number | null;
  /** How many gave each rating, index 0 for 1 … index 4 for 5. */
  ratings: [number, number, number, number, number];
  works: string[];
  doesNotWork: string[];
  missing: string[];
  questions: { id: string; text: string; answers: string[] }[];
}

/** Summarises each round (in the order given) from the feedback; empty remarks are left out. */
export function compareRounds(rounds: RoundInput[], feedback: FeedbackInput[]): RoundSummary[] {
  return rounds.map((round) => {
    const mine = feedback.filter((f) => f.versionId === round.versionId);
    const ratings: RoundSummary['ratings'] = [0, 0, 0, 0, 0];
    for (const f of mine) if (f.rating >= 1 && f.rating <= 5) ratings[f.rating - 1]! += 1;
    const total = mine.reduce((sum, f) => sum + f.rating, 0);
    const said = (pick: (f: FeedbackInput) => string) => mine.map(pick).filter((s) => s.trim() !== '');
    return {
      versionId: round.versionId,
      number: round.number,
      responses: mine.length,
      meanRating: mine.length === 0 ? null : Math.round((total / mine.length) * 10) / 10,
      ratings,
      works: said((f) => f.works),
      doesNotWork: said((f) => f.doesNotWork),
      missing: said((f) => f.missing),
      questions: round.questions.map((q) => ({
        id: q.id,
        text: q.text,
        answers: said((f) => f.answers[q.id] ?? ''),
      })),
    };
  });
}
