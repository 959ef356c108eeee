import { checkK, suppressCells, suppressRows } from './suppression.js';
import { studentTQuantile } from './student-t.js';
import { countOf, emptyTally, mergeTallies, type Count, type Moments, type Tally } from './tally.js';
import type { Guarded, QuestionKind, ResultQuestion, Suppressed } from './types.js';

// Turns tallies into what the results page shows, applying the suppression rules of suppression.ts.
//
// Denominators (`base`): every share is out of the respondents who answered the question (skips
// excluded), unweighted (n) or weighted (Σw). Single choice, demographic, Likert, rating, NPS and date
// shares add up to 1; a multiple choice share is the share of answering respondents who ticked that
// option, so they can add up to more than 1.
//
// Means and 95% confidence intervals. Unweighted: mean ± t(0.975, n−1) · s/√n with the sample standard
// deviation s. Weighted: the weighted mean Σwx/Σw, Kish's effective sample size n_eff = (Σw)²/Σw², the
// weighted variance v = Σw(x−mean)²/Σw, standard error √(v/(n_eff−1)) and t with n_eff−1 degrees of
// freedom. With equal weights this is exactly the unweighted interval. It ignores the uncertainty of the
// weights themselves (no design strata), so it is a reasonable, slightly narrow approximation. With
// fewer than 2 respondents (or n_eff <= 1) there is no interval. Likert points count as 1..N.

/** Options of `summarise` and `breakdown`. */
export interface SummaryOptions {
  /** The organization's suppression threshold (a whole number >= 1, typically 5). */
  readonly k: number;
  /** Use weights (Σw) for counts, shares and means; suppression always counts respondents. */
  readonly weighted: boolean;
  /** How dates are grouped; default `month`. */
  readonly dateGranularity?: 'day' | 'month' | 'year';
}

/** A shown cell: respondents `n`, `count` (n, or Σw when weighted) and `share` = count / base. */
export interface CellValues {
  readonly n: number;
  readonly count: number;
  readonly share: number;
}

/** A mean with its 95% confidence interval (null with too few respondents); see the module comment. */
export interface MeanEstimate {
  readonly mean: number;
  readonly sd: number | null;
  readonly se: number | null;
  /** Respondents behind the mean. */
  readonly n: number;
  /** Kish's effective n when weighted, else n. */
  readonly effectiveN: number;
  readonly ci: {
    readonly level: 0.95;
    readonly lower: number;
    readonly upper: number;
    readonly df: number;
  } | null;
}

/** The NPS: (promoters − detractors) / base × 100, and that rounded half away from zero. */
export interface NpsScore {
  readonly score: number;
  readonly rounded: number;
}

interface ShownHead {
  readonly suppressed: false;
  readonly k: number;
  readonly weighted: boolean;
  /** Respondents who answered (unweighted). */
  readonly respondents: number;
  /** Denominator of the shares: respondents, or their Σw when weighted. */
  readonly base: number;
  /** Respondents who saw the question and skipped it (rule 2 applies). */
  readonly skipped: Guarded<{ readonly n: number; readonly count: number }>;
}

/** A cell of a list keyed by an option, item or date. */
export type KeyedCell = { readonly key: string } & Guarded<CellValues>;
/** A ranking item: its mean rank (1 = first) among the respondents who ranked it. */
export type RankedItem = { readonly key: string } & Guarded<{
  readonly n: number;
  readonly meanRank: number;
}>;

/** The summary of one question: suppressed whole, or the shape for its kind. */
export type QuestionSummary =
  | (Suppressed & { readonly kind: QuestionKind })
  | (ShownHead & {
      readonly kind: 'single_choice' | 'demographic' | 'multiple_choice';
      readonly options: KeyedCell[];
    })
  | (ShownHead & {
      readonly kind: 'likert';
      readonly options: KeyedCell[];
      readonly mean: Guarded<MeanEstimate>;
    })
  | (ShownHead & {
      readonly kind: 'rating';
      readonly values: KeyedCell[];
      readonly mean: Guarded<MeanEstimate>;
    })
  | (ShownHead & { readonly kind: 'number'; readonly mean: MeanEstimate })
  | (ShownHead & {
      readonly kind: 'nps';
      readonly detractors: Guarded<CellValues>;
      readonly passives: Guarded<CellValues>;
      readonly promoters: Guarded<CellValues>;
      readonly score: Guarded<NpsScore>;
      readonly mean: Guarded<MeanEstimate>;
    })
  | (ShownHead & { readonly kind: 'ranking'; readonly items: RankedItem[] })
  | (ShownHead & {
      readonly kind: 'date';
      readonly granularity: 'day' | 'month' | 'year';
      readonly buckets: KeyedCell[];
    })
  | (ShownHead & { readonly kind: 'short_text' | 'long_text' });

// The cells of one summary before suppression, keyed so segments can be lined up as columns.
interface RawCell {
  readonly n: number;
  readonly w: number;
  readonly rankSum?: number;
  readonly wRankSum?: number;
}
interface Raw {
  readonly tally: Tally;
  readonly keys: string[];
  readonly cells: RawCell[];
  /** Whether the cells add up to the answered respondents (rule 3). */
  readonly additive: boolean;
}

function keysInOrder(declared: readonly string[], record: Record<string, Count>): string[] {
  const extra = Object.entries(record)
    .filter(([key, c]) => c.n > 0 && !declared.includes(key))
    .map(([key]) => key);
  return [...declared, ...extra];
}

function ratingKeys(tally: Extract<Tally, { kind: 'rating' }>): string[] {
  const values = new Set(
    Object.keys(tally.values)
      .filter((key) => countOf(tally.values, key).n > 0)
      .map(Number),
  );
  if (Number.isInteger(tally.min) && Number.isInteger(tally.max) && tally.max - tally.min <= 100)
    for (let x = tally.min; x <= tally.max; x++) values.add(x);
  return [...values].sort((a, b) => a - b).map(String);
}

function dateKey(day: string, granularity: 'day' | 'month' | 'year'): string {
  return granularity === 'day' ? day : granularity === 'month' ? day.slice(0, 7) : day.slice(0, 4);
}

function dateBuckets(
  tally: Extract<Tally, { kind: 'date' }>,
  granularity: 'day' | 'month' | 'year',
): Map<string, Count> {
  const buckets = new Map<string, Count>();
  for (const [day, c] of Object.entries(tally.days)) {
    if (c.n <= 0) continue;
    const key = dateKey(day, granularity);
    const b = buckets.get(key) ?? { n: 0, w: 0, ww: 0 };
    buckets.set(key, { n: b.n + c.n, w: b.w + c.w, ww: b.ww + c.ww });
  }
  return buckets;
}

const NPS_KEYS = ['detractors', 'passives', 'promoters'] as const;

function raw(question: ResultQuestion, tally: Tally, options: SummaryOptions, forcedKeys?: string[]): Raw {
  const plain = (keys: string[], record: (key: string) => Count, additive: boolean): Raw => ({
    tally,
    keys,
    cells: keys.map((key) => {
      const c = record(key);
      return { n: c.n, w: c.w };
    }),
    additive,
  });
  switch (tally.kind) {
    case 'single_choice':
    case 'demographic':
    case 'multiple_choice': {
      const declared = 'options' in question ? question.options : [];
      const keys = forcedKeys ?? keysInOrder(declared, tally.options);
      return plain(keys, (key) => countOf(tally.options, key), tally.kind !== 'multiple_choice');
    }
    case 'likert':
      return plain(
        forcedKeys ?? keysInOrder(tally.points, tally.options),
        (key) => countOf(tally.options, key),
        true,
      );
    case 'rating':
      return plain(forcedKeys ?? ratingKeys(tally), (key) => countOf(tally.values, key), true);
    case 'nps':
      return plain([...NPS_KEYS], (key) => tally[key as (typeof NPS_KEYS)[number]], true);
    case 'date': {
      const buckets = dateBuckets(tally, options.dateGranularity ?? 'month');
      const keys = forcedKeys ?? [...buckets.keys()].sort();
      return plain(keys, (key) => buckets.get(key) ?? { n: 0, w: 0, ww: 0 }, true);
    }
    case 'ranking': {
      const declared = 'options' in question ? question.options : [];
      const keys = forcedKeys ?? keysInOrder(declared, tally.items);
      return {
        tally,
        keys,
        cells: keys.map((key) => {
          const item = Object.hasOwn(tally.items, key) ? tally.items[key] : undefined;
          return {
            n: item?.n ?? 0,
            w: item?.w ?? 0,
            rankSum: item?.rankSum ?? 0,
            wRankSum: item?.wRankSum ?? 0,
          };
        }),
        additive: false,
      };
    }
    case 'number':
    case 'short_text':
    case 'long_text':
      return { tally, keys: [], cells: [], additive: false };
  }
}

/** The mean and 95% CI of numeric sums; see the module comment for the weighted method. */
export function meanEstimate(m: Moments, weighted: boolean): MeanEstimate | null {
  if (m.n <= 0) return null;
  if (!weighted) {
    const mean = m.sx / m.n;
    if (m.n < 2) return { mean, sd: null, se: null, n: m.n, effectiveN: m.n, ci: null };
    const variance = Math.max(0, (m.sxx - m.n * mean * mean) / (m.n - 1));
    const sd = Math.sqrt(variance);
    const se = sd / Math.sqrt(m.n);
    const df = m.n - 1;
    const half = studentTQuantile(0.975, df) * se;
    return {
      mean,
      sd,
      se,
      n: m.n,
      effectiveN: m.n,
      ci: { level: 0.95, lower: mean - half, upper: mean + half, df },
    };
  }
  if (!(m.sw > 0)) return null;
  const mean = m.swx / m.sw;
  const effectiveN = (m.sw * m.sw) / m.sww;
  // Tiny negative variances are rounding noise when every answer is the same.
  const v = Math.max(0, m.swxx / m.sw - mean * mean);
  if (!(effectiveN > 1 + 1e-9)) return { mean, sd: null, se: null, n: m.n, effectiveN, ci: null };
  const se = Math.sqrt(v / (effectiveN - 1));
  const sd = Math.sqrt((v * effectiveN) / (effectiveN - 1));
  const df = effectiveN - 1;
  const half = studentTQuantile(0.975, df) * se;
  return {
    mean,
    sd,
    se,
    n: m.n,
    effectiveN,
    ci: { level: 0.95, lower: mean - half, upper: mean + half, df },
  };
}

/** Rounds half away from zero, never giving −0 (for NPS scores such as −0.5 → −1). */
export function roundHalfAwayFromZero(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x));
  return r === 0 ? 0 : r;
}

function render(r: Raw, mask: readonly boolean[], options: SummaryOptions): QuestionSummary {
  const { k, weighted } = options;
  const { tally } = r;
  const base = weighted ? tally.answered.w : tally.answered.n;
  const hidden: Suppressed = { suppressed: true, k };
  const cell = (i: number): Guarded<CellValues> => {
    const c = r.cells[i];
    if (!c || mask[i]) return hidden;
    const count = weighted ? c.w : c.n;
    return { suppressed: false, n: c.n, count, share: base > 0 ? count / base : 0 };
  };
  const keyed = (): KeyedCell[] => r.keys.map((key, i) => ({ key, ...cell(i) }));
  const anyHidden = mask.some(Boolean);
  const guardedMean = (m: Moments): Guarded<MeanEstimate> => {
    const estimate = anyHidden ? null : meanEstimate(m, weighted);
    return estimate ? { suppressed: false, ...estimate } : hidden;
  };
  const skippedHidden = tally.skipped.n > 0 && tally.skipped.n < k;
  const head: ShownHead = {
    suppressed: false,
    k,
    weighted,
    respondents: tally.answered.n,
    base,
    skipped: skippedHidden
      ? hidden
      : { suppressed: false, n: tally.skipped.n, count: weighted ? tally.skipped.w : tally.skipped.n },
  };
  switch (tally.kind) {
    case 'single_choice':
    case 'demographic':
    case 'multiple_choice':
      return { ...head, kind: tally.kind, options: keyed() };
    case 'likert':
      return { ...head, kind: tally.kind, options: keyed(), mean: guardedMean(tally.moments) };
    case 'rating':
      return { ...head, kind: tally.kind, values: keyed(), mean: guardedMean(tally.moments) };
    case 'number': {
      const mean = meanEstimate(tally.moments, weighted);
      if (!mean) return { ...hidden, kind: tally.kind };
      return { ...head, kind: tally.kind, mean };
    }
    case 'nps': {
      const promoters = weighted ? tally.promoters.w : tally.promoters.n;
      const detractors = weighted ? tally.detractors.w : tally.detractors.n;
      const score = base > 0 ? ((promoters - detractors) / base) * 100 : 0;
      return {
        ...head,
        kind: tally.kind,
        detractors: cell(0),
        passives: cell(1),
        promoters: cell(2),
        score: anyHidden ? hidden : { suppressed: false, score, rounded: roundHalfAwayFromZero(score) },
        mean: guardedMean(tally.moments),
      };
    }
    case 'ranking':
      return {
        ...head,
        kind: tally.kind,
        items: r.keys.map((key, i): RankedItem => {
          const c = r.cells[i];
          if (!c || mask[i] || c.n === 0) return { key, ...hidden };
          const meanRank = weighted ? (c.wRankSum ?? 0) / c.w : (c.rankSum ?? 0) / c.n;
          return { key, suppressed: false, n: c.n, meanRank: Number.isFinite(meanRank) ? meanRank : 0 };
        }),
      };
    case 'date':
      return { ...head, kind: tally.kind, granularity: options.dateGranularity ?? 'month', buckets: keyed() };
    case 'short_text':
    case 'long_text':
      return { ...head, kind: tally.kind };
  }
}

function gateFails(tally: Tally, options: SummaryOptions): boolean {
  return tally.answered.n < options.k || (options.weighted && !(tally.answered.w > 0));
}

/**
 * Summarises one question's tally for display, with small-cell suppression (see suppression.ts): fewer
 * than k answering respondents gives `{ suppressed: true, k, kind }`; otherwise counts and shares per
 * option (or value, bucket, date, item), skips, and the mean with its 95% CI, NPS score or mean ranks.
 * A weighted summary whose weights sum to zero is suppressed too (there is nothing meaningful to show).
 * For a filtered view (one segment), use `breakdown` over the whole attribute instead.
 */
export function summarise(question: ResultQuestion, tally: Tally, options: SummaryOptions): QuestionSummary {
  checkK(options.k);
  if (gateFails(tally, options)) return { suppressed: true, k: options.k, kind: tally.kind };
  const r = raw(question, tally, options);
  const [mask] = suppressCells([r.cells.map((c) => c.n)], options.k, { rowsAdditive: r.additive });
  return render(r, mask ?? [], options);
}

/** One segment of a breakdown: a category of a demographic attribute and the tally of its respondents. */
export interface SegmentTally {
  readonly category: string;
  readonly tally: Tally;
}

/** A breakdown: the overall summary and one summary per segment, in the order given. */
export interface Breakdown {
  readonly overall: QuestionSummary;
  readonly segments: { readonly category: string; readonly summary: QuestionSummary }[];
}

/**
 * Summarises a question per category of a demographic attribute. Pass every category, including
 * "prefer not to say" and one for respondents without a value, so the segments partition the
 * respondents; `overall` defaults to the merge of the segments. Suppression runs across the whole table:
 * segments with fewer than k respondents are hidden whole, with a complementary segment when only one
 * would be (rule 4), and cells are hidden by rows and by columns against the overall (rule 3), so no
 * hidden number can be recovered by subtracting shown ones. Filtering to one category = showing that
 * category's entry from here.
 */
export function breakdown(
  question: ResultQuestion,
  segments: readonly SegmentTally[],
  options: SummaryOptions & { readonly overall?: Tally },
): Breakdown {
  checkK(options.k);
  const overallTally =
    options.overall ?? segments.reduce<Tally>((acc, s) => mergeTallies(acc, s.tally), emptyTally(question));
  const overall = summarise(question, overallTally, options);
  const overallRaw = raw(question, overallTally, options);
  const [overallMask] = suppressCells([overallRaw.cells.map((c) => c.n)], options.k, {
    rowsAdditive: overallRaw.additive,
  });
  const raws = segments.map((s) => raw(question, s.tally, options, overallRaw.keys));
  const gate = segments.map((s) => gateFails(s.tally, options));
  const rowsHidden = suppressRows(
    // A segment failing the gate on weights alone still counts as hidden with respondents.
    segments.map((s, i) => (gate[i] ? Math.min(s.tally.answered.n, options.k - 1) : s.tally.answered.n)),
    options.k,
    !overall.suppressed,
  );
  const masks = suppressCells(
    raws.map((r) => r.cells.map((c) => c.n)),
    options.k,
    {
      rowsAdditive: overallRaw.additive,
      hiddenRows: rowsHidden,
      columnTotalsShown: overallRaw.keys.map((_, c) => !overall.suppressed && !(overallMask?.[c] ?? false)),
    },
  );
  return {
    overall,
    segments: segments.map((s, i) => {
      const r = raws[i];
      const summary: QuestionSummary =
        rowsHidden[i] || !r
          ? { suppressed: true, k: options.k, kind: s.tally.kind }
          : render(r, masks[i] ?? [], options);
      return { category: s.category, summary };
    }),
  };
}
