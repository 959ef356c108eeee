// Influence metrics: how much of what people contributed was responded to, and whether an
// initiative looks like a token gesture. Pure: fed arrays and a "now", returns figures.
//
// Definitions (the dashboard's help text says the same in words):
// - An *input* is one piece of user input of any kind (idea, survey response, interview, ...),
//   identified by kind and id. `inputCount` is how many there are in all; inputs that were
//   reviewed or linked are also listed with their creation date and contributor.
// - An input is *reviewed* when staff marked it reviewed OR it is linked to at least one decision.
//   This is also what "has had any response" means for the token-risk flag.
// - An input is *linked* when at least one decision links it.
// - Reviews and links of inputs that are not listed (deleted since, or of a kind no source reads
//   yet) are ignored: they cannot be dated or counted.
// - Shares are counts divided by `inputCount` (or by the number of listed inputs when a census left
//   some out and that number is larger); null when there is no input at all.
// - A *contributor* is a distinct participant who contributed input. A contributor is *informed*
//   when at least one link to one of their inputs has been told to them (`toldAt` set). The share
//   is informed contributors / contributors, null when there are none.
// - *Feedback* on an input is its first link, or its review if that came earlier. *Days to
//   feedback* is the time from the input's creation to its feedback in days (fractional, never
//   below 0). The median is over inputs that got feedback (the mean of the two middle values for an
//   even count); null when none did.
// - Decisions are counted *with user input* when at least one input is linked to them, otherwise
//   *without user input*.
// - The *token-risk flag* is raised when the initiative closed strictly more than `closedDays`
//   days before "now" AND strictly under `responseSharePercent` % of its input has had any
//   response. An initiative that has not closed, or that holds no input, is never flagged.

/** The thresholds of the token-risk flag. */
export interface TokenRiskThresholds {
  /** Days since closing after which an unanswered initiative is flagged (default 60). */
  closedDays: number;
  /** The share of input, in percent, under which the initiative is flagged (default 20). */
  responseSharePercent: number;
}

/** The thresholds used when an organization chose none. */
export const defaultThresholds: TokenRiskThresholds = { closedDays: 60, responseSharePercent: 20 };

/** One input, identified by kind and id. */
export interface InputRef {
  kind: string;
  id: string;
  /** ISO 8601. */
  createdAt: string;
  participantId: string | null;
}

/** An input staff marked reviewed. */
export interface ReviewRef {
  inputKind: string;
  inputId: string;
  reviewedAt: string;
}

/** One link of a decision to an input. */
export interface LinkRef {
  decisionId: string;
  inputKind: string;
  inputId: string;
  /** The input's contributor (null for anonymous input or after erasure). */
  participantId: string | null;
  linkedAt: string;
  toldAt: string | null;
}

/** A decision and whether any input is linked to it. */
export interface DecisionRef {
  id: string;
  withUserInput: boolean;
}

/** Everything the metrics of one initiative (or one organization) are computed from. */
export interface InfluenceData {
  inputCount: number;
  /** At least every input that was reviewed or linked; other inputs may be left out. */
  inputs: readonly InputRef[];
  reviews: readonly ReviewRef[];
  links: readonly LinkRef[];
  /** Distinct participants who contributed input. */
  contributors: readonly string[];
  decisions: readonly DecisionRef[];
  /** When the initiative closed (ISO 8601); null while it has not. */
  closedAt: string | null;
}

/** The influence metrics of one initiative or organization. */
export interface InfluenceMetrics {
  inputs: number;
  reviewed: number;
  reviewedShare: number | null;
  linked: number;
  linkedShare: number | null;
  contributors: number;
  informed: number;
  informedShare: number | null;
  /** How many inputs got feedback (the median's sample). */
  withFeedback: number;
  medianDaysToFeedback: number | null;
  decisionsWithInput: number;
  decisionsWithoutInput: number;
  /** Days since the initiative closed, null while it has not. */
  daysSinceClosed: number | null;
  tokenRisk: boolean;
}

const DAY_MS = 86_400_000;

function key(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

/** The median of numbers (mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Days (fractional) from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS;
}

/**
 * Whether an initiative is at risk of tokenism: closed strictly more than `closedDays` days before
 * `now` and strictly under `responseSharePercent` % of its input answered. Never without input or
 * before closing.
 */
export function isTokenRisk(
  daysSinceClosed: number | null,
  respondedShare: number | null,
  thresholds: TokenRiskThresholds,
): boolean {
  if (daysSinceClosed === null || respondedShare === null) return false;
  return daysSinceClosed > thresholds.closedDays && respondedShare * 100 < thresholds.responseSharePercent;
}

/** Computes every influence metric of one initiative (or one organization's combined data). */
export function computeInfluence(
  data: InfluenceData,
  now: string,
  thresholds: TokenRiskThresholds,
): InfluenceMetrics {
  const known = new Map(data.inputs.map((i) => [key(i.kind, i.id), i]));
  const firstLink = new Map<string, string>();
  const informedPeople = new Set<string>();
  for (const link of data.links) {
    const k = key(link.inputKind, link.inputId);
    if (!known.has(k)) continue;
    const before = firstLink.get(k);
    if (before === undefined || Date.parse(link.linkedAt) < Date.parse(before))
      firstLink.set(k, link.linkedAt);
    if (link.toldAt !== null && link.participantId !== null) informedPeople.add(link.participantId);
  }
  const firstReview = new Map<string, string>();
  for (const review of data.reviews) {
    const k = key(review.inputKind, review.inputId);
    if (!known.has(k)) continue;
    const before = firstReview.get(k);
    if (before === undefined || Date.parse(review.reviewedAt) < Date.parse(before))
      firstReview.set(k, review.reviewedAt);
  }

  const days: number[] = [];
  let reviewed = 0;
  for (const [k, input] of known) {
    const link = firstLink.get(k);
    const review = firstReview.get(k);
    if (link === undefined && review === undefined) continue;
    reviewed += 1;
    const feedback = [link, review]
      .filter((d): d is string => d !== undefined)
      .reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
    days.push(Math.max(0, daysBetween(input.createdAt, feedback)));
  }

  const contributors = new Set(data.contributors);
  const informed = [...contributors].filter((p) => informedPeople.has(p)).length;
  const total = Math.max(data.inputCount, known.size);
  const share = (n: number, of: number) => (of === 0 ? null : n / of);
  const reviewedShare = share(reviewed, total);
  const daysSinceClosed = data.closedAt === null ? null : daysBetween(data.closedAt, now);
  const withInput = data.decisions.filter((d) => d.withUserInput).length;
  return {
    inputs: total,
    reviewed,
    reviewedShare,
    linked: firstLink.size,
    linkedShare: share(firstLink.size, total),
    contributors: contributors.size,
    informed,
    informedShare: share(informed, contributors.size),
    withFeedback: days.length,
    medianDaysToFeedback: median(days),
    decisionsWithInput: withInput,
    decisionsWithoutInput: data.decisions.length - withInput,
    daysSinceClosed,
    tokenRisk: isTokenRisk(daysSinceClosed, reviewedShare, thresholds),
  };
}

/**
 * Combines several initiatives' data into an organization's: inputs and decisions add up,
 * contributors are counted once however many initiatives they took part in, and there is no
 * closing date (an organization is flagged through its initiatives, not as a whole).
 */
export function combineInfluenceData(parts: readonly InfluenceData[]): InfluenceData {
  return {
    inputCount: parts.reduce((n, p) => n + p.inputCount, 0),
    inputs: parts.flatMap((p) => p.inputs),
    reviews: parts.flatMap((p) => p.reviews),
    links: parts.flatMap((p) => p.links),
    contributors: [...new Set(parts.flatMap((p) => p.contributors))],
    decisions: parts.flatMap((p) => p.decisions),
    closedAt: null,
  };
}

/** Checks thresholds typed in by an admin; returns the field codes that are wrong. */
export function thresholdProblems(raw: { closedDays: unknown; responseSharePercent: unknown }): {
  field: keyof TokenRiskThresholds;
  code: 'required' | 'wholeNumber' | 'outOfRange';
  min: number;
  max: number;
}[] {
  const problems: ReturnType<typeof thresholdProblems> = [];
  const limits: [keyof TokenRiskThresholds, number, number][] = [
    ['closedDays', 0, 3650],
    ['responseSharePercent', 0, 100],
  ];
  for (const [field, min, max] of limits) {
    const value = raw[field];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      problems.push({ field, code: 'required', min, max });
      continue;
    }
    const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
    if (!Number.isInteger(n)) problems.push({ field, code: 'wholeNumber', min, max });
    else if (n < min || n > max) problems.push({ field, code: 'outOfRange', min, max });
  }
  return problems;
}
