import {
  checkK,
  meanEstimate,
  suppressCells,
  type Guarded,
  type MeanEstimate,
} from '../survey-results/index.js';

// The participant experience pulse, summarised for staff. Pure: fed answers, returns what may be shown.
//
// Suppression (k = the organization's small-cell threshold):
// 1. Gate. A group (everyone, an activity kind, a demographic segment) with fewer than k respondents
//    shows nothing: no counts, no means, no free text, only "fewer than k".
// 2. Question gate. Inside a shown group, a question answered by fewer than k shows no numbers.
// 3. Complements. Activity kinds and the segments of one attribute add up to everyone; while the hidden
//    ones (as groups, or for a question) hold between 1 and k-1 people together, the smallest shown one
//    with people is hidden too, or everyone minus the shown ones would describe fewer than k people
//    (a stricter form of rule 4 of the survey results).
// 4. Cells. Inside a shown question, a point chosen by 1..k-1 people is hidden (null); a point chosen
//    by nobody is shown as 0, as in the survey results (rule 2 there). The points add up to the shown
//    respondents, so a question with exactly one hidden non-zero point also hides its smallest other
//    non-zero point (a zero one if there is none); in rows of kinds or segments, each point's column
//    adds up to everyone's shown point, so the same is done down the columns (rule 3 there; the
//    survey results' `suppressCells` does both, over hidden groups and questions as well).
// 5. Mean. A question with a hidden point shows its mean and interval as suppressed too, as the survey
//    results do (rule 5 there): the mean is one more equation, enough to solve for two hidden points.
// Means and 95% intervals reuse the survey results' t-based estimate (unweighted).

/** The three pulse questions, in the order they are asked. */
export const PULSE_QUESTIONS = ['heard', 'easy', 'again'] as const;
export type PulseQuestion = (typeof PULSE_QUESTIONS)[number];

/** The lowest and highest point of every pulse scale. */
export const PULSE_SCALE = { min: 1, max: 5 } as const;

/** The segment key of someone who did not answer an attribute (or answered anonymously). */
export const NOT_ANSWERED = 'not_answered';

/** One pulse as the analysis sees it. */
export interface PulseAnswer {
  /** The activity kind it followed (survey, ideas …). */
  readonly kind: string;
  /** Each question's point 1..5, or null when skipped. */
  readonly scores: Readonly<Record<PulseQuestion, number | null>>;
  /** The free text ('' when none). */
  readonly comment: string;
  /** attribute id → segment key (a category id, `prefer_not_to_say` or `not_answered`). */
  readonly segments: Readonly<Record<string, string>>;
}

/** One question's counts and mean before suppression. */
export interface QuestionTally {
  /** Respondents who answered it. */
  readonly respondents: number;
  /** Respondents per point, index 0 = point 1. */
  readonly counts: readonly number[];
  readonly mean: MeanEstimate | null;
}

/** One question's results in a shown group. */
export interface QuestionResult {
  /** Respondents who answered it. */
  readonly respondents: number;
  /** Respondents per point, index 0 = point 1; null where hidden (rule 4). */
  readonly counts: readonly (number | null)[];
  /** Suppressed when a point is hidden (rule 5); null when nobody answered. */
  readonly mean: Guarded<MeanEstimate> | null;
}

/** A group's results, or only the marker that it is too small. */
export type PulseGroup = Guarded<{
  readonly respondents: number;
  readonly questions: Readonly<Record<PulseQuestion, Guarded<QuestionResult>>>;
  /** Non-empty free texts, in the order given. */
  readonly comments: readonly string[];
}>;

/** The whole report: everyone, per activity kind, per segment of every attribute. */
export interface PulseReport {
  readonly k: number;
  readonly respondents: number;
  readonly overall: PulseGroup;
  readonly byKind: readonly { readonly kind: string; readonly group: PulseGroup }[];
  readonly byAttribute: readonly {
    readonly attributeId: string;
    readonly segments: readonly { readonly key: string; readonly group: PulseGroup }[];
  }[];
}

const isPoint = (x: number | null): x is number =>
  x !== null && Number.isInteger(x) && x >= PULSE_SCALE.min && x <= PULSE_SCALE.max;

/** One question's counts and mean over the answers (no suppression). */
export function questionResult(answers: readonly PulseAnswer[], question: PulseQuestion): QuestionTally {
  const counts = new Array<number>(PULSE_SCALE.max - PULSE_SCALE.min + 1).fill(0);
  let n = 0;
  let sx = 0;
  let sxx = 0;
  for (const a of answers) {
    const x = a.scores[question];
    if (!isPoint(x)) continue;
    counts[x - PULSE_SCALE.min]! += 1;
    n += 1;
    sx += x;
    sxx += x * x;
  }
  const mean = meanEstimate({ n, sw: n, sx, sxx, swx: sx, swxx: sxx, sww: n }, false);
  return { respondents: n, counts, mean };
}

/** A group's results with the gates of rules 1 and 2 and the cells of rules 4 and 5 (for everyone, or a group standing alone). */
export function summariseGroup(answers: readonly PulseAnswer[], k: number): PulseGroup {
  checkK(k);
  const masks: Partial<Record<PulseQuestion, readonly boolean[]>> = {};
  for (const q of PULSE_QUESTIONS) {
    const [mask] = suppressCells([questionResult(answers, q).counts], k, { rowsAdditive: true });
    masks[q] = mask;
  }
  return shownGroup(answers, k, {}, masks);
}

function shownQuestion(tally: QuestionTally, k: number, mask: readonly boolean[]): QuestionResult {
  const anyHidden = mask.some(Boolean);
  return {
    respondents: tally.respondents,
    counts: tally.counts.map((n, i) => (mask[i] ? null : n)),
    mean: !tally.mean ? null : anyHidden ? { suppressed: true, k } : { suppressed: false, ...tally.mean },
  };
}

function shownGroup(
  answers: readonly PulseAnswer[],
  k: number,
  hiddenQuestions: Partial<Record<PulseQuestion, boolean>>,
  masks: Partial<Record<PulseQuestion, readonly boolean[]>>,
): PulseGroup {
  if (answers.length < k) return { suppressed: true, k };
  const questions = {} as Record<PulseQuestion, Guarded<QuestionResult>>;
  for (const q of PULSE_QUESTIONS) {
    const result = questionResult(answers, q);
    questions[q] =
      hiddenQuestions[q] || result.respondents < k
        ? { suppressed: true, k }
        : { suppressed: false, ...shownQuestion(result, k, masks[q] ?? []) };
  }
  return {
    suppressed: false,
    respondents: answers.length,
    questions,
    comments: answers.map((a) => a.comment.trim()).filter((c) => c !== ''),
  };
}

/**
 * Rule 3 for one column of rows adding up to a shown total: while the hidden rows together hold
 * between 1 and k-1 people, the smallest shown row with people is hidden as well, so everyone minus
 * the shown rows never describes fewer than k people (this includes the lone hidden row of rule 4 of
 * the survey results, and also two hidden rows of one person each).
 */
export function complementHidden(
  counts: readonly number[],
  hidden: readonly boolean[],
  k: number,
): boolean[] {
  const out = [...hidden];
  const hiddenPeople = () => counts.reduce((sum, n, i) => sum + (out[i] ? n : 0), 0);
  while (hiddenPeople() > 0 && hiddenPeople() < k) {
    let best: number | undefined;
    counts.forEach((n, i) => {
      if (!out[i] && n > 0 && (best === undefined || n < (counts[best] ?? 0))) best = i;
    });
    if (best === undefined) break;
    out[best] = true;
  }
  return out;
}

/**
 * Rows that add up to everyone (kinds, or the segments of one attribute), suppressed together. With
 * `overall` (everyone's shown results), a point's column counts as published only where everyone's
 * point is shown; without it every column total counts as published (the cautious choice).
 */
export function summariseRows(
  rows: readonly (readonly PulseAnswer[])[],
  k: number,
  overall?: PulseGroup,
): PulseGroup[] {
  checkK(k);
  const sizes = rows.map((r) => r.length);
  const groupHidden = complementHidden(
    sizes,
    sizes.map((n) => n < k),
    k,
  );
  const hiddenByQuestion = new Map<PulseQuestion, boolean[]>();
  for (const q of PULSE_QUESTIONS) {
    const counts = rows.map((r) => questionResult(r, q).respondents);
    const hidden = counts.map((n, i) => (groupHidden[i] ?? false) || n < k);
    hiddenByQuestion.set(q, complementHidden(counts, hidden, k));
  }
  const cellMasks = new Map<PulseQuestion, boolean[][]>();
  for (const q of PULSE_QUESTIONS) {
    const everyone = overall && !overall.suppressed ? overall.questions[q] : undefined;
    const columnTotalsShown = Array.from({ length: PULSE_SCALE.max - PULSE_SCALE.min + 1 }, (_, c) =>
      overall === undefined
        ? true
        : everyone !== undefined && !everyone.suppressed && everyone.counts[c] !== null,
    );
    cellMasks.set(
      q,
      suppressCells(
        rows.map((r) => questionResult(r, q).counts),
        k,
        { rowsAdditive: true, hiddenRows: hiddenByQuestion.get(q) ?? [], columnTotalsShown },
      ),
    );
  }
  return rows.map((answers, i) => {
    if (groupHidden[i]) return { suppressed: true, k };
    const hiddenQuestions: Partial<Record<PulseQuestion, boolean>> = {};
    const masks: Partial<Record<PulseQuestion, readonly boolean[]>> = {};
    for (const q of PULSE_QUESTIONS) {
      hiddenQuestions[q] = hiddenByQuestion.get(q)?.[i] ?? true;
      masks[q] = cellMasks.get(q)?.[i] ?? [];
    }
    return shownGroup(answers, k, hiddenQuestions, masks);
  });
}

/**
 * The report: everyone; each activity kind in `kinds` (in that order); and, for each attribute, each of
 * its segment keys (in the order given; answers with an unlisted key count as `not_answered`).
 */
export function pulseReport(
  answers: readonly PulseAnswer[],
  options: {
    readonly k: number;
    readonly kinds: readonly string[];
    readonly attributes: readonly { readonly id: string; readonly segments: readonly string[] }[];
  },
): PulseReport {
  const { k } = options;
  checkK(k);
  const overall = summariseGroup(answers, k);
  const kindRows = options.kinds.map((kind) => answers.filter((a) => a.kind === kind));
  const kindGroups = summariseRows(kindRows, k, overall);
  const byAttribute = options.attributes.map((attribute) => {
    const keys = attribute.segments.includes(NOT_ANSWERED)
      ? attribute.segments
      : [...attribute.segments, NOT_ANSWERED];
    const keyOf = (a: PulseAnswer): string => {
      const key = a.segments[attribute.id];
      return key !== undefined && keys.includes(key) ? key : NOT_ANSWERED;
    };
    const groups = summariseRows(
      keys.map((key) => answers.filter((a) => keyOf(a) === key)),
      k,
      overall,
    );
    return {
      attributeId: attribute.id,
      segments: keys.map((key, i) => ({ key, group: groups[i] ?? { suppressed: true as const, k } })),
    };
  });
  return {
    k,
    respondents: answers.length,
    overall,
    byKind: options.kinds.map((kind, i) => ({
      kind,
      group: kindGroups[i] ?? { suppressed: true as const, k },
    })),
    byAttribute,
  };
}
