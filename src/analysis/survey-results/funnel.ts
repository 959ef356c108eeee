import { checkK, suppressRows } from './suppression.js';
import type { Guarded } from './types.js';

// The distribution funnel: invited → started → completed. Invitations are not respondents and are
// always shown (null when the channel has none, e.g. a public link or a kiosk). A group (the whole
// survey, a channel or a mode) with fewer than k people who started is hidden whole, with a
// complementary group when exactly one would be (rule 4 of suppression.ts); inside a shown group a
// completed count of 1..k−1 is hidden with every rate that would give it away.

/** Raw counts of one group. */
export interface FunnelCounts {
  readonly invited: number | null;
  readonly started: number;
  readonly completed: number;
}

/** Shown funnel numbers; a rate is null when its denominator is unknown or zero. */
export interface FunnelValues {
  readonly invited: number | null;
  readonly started: number;
  /** started / invited */
  readonly startRate: number | null;
  readonly completed: Guarded<{
    readonly count: number;
    /** completed / started */
    readonly completionRate: number | null;
    /** completed / invited: the response rate */
    readonly responseRate: number | null;
  }>;
}

function check(c: FunnelCounts): void {
  const ok =
    Number.isInteger(c.started) &&
    Number.isInteger(c.completed) &&
    c.completed >= 0 &&
    c.started >= c.completed &&
    (c.invited === null || (Number.isInteger(c.invited) && c.invited >= 0));
  if (!ok)
    throw new RangeError(
      `funnel counts must be whole numbers with started >= completed: ${JSON.stringify(c)}`,
    );
}

const rate = (num: number, den: number | null): number | null =>
  den === null || den <= 0 ? null : num / den;

function values(c: FunnelCounts, k: number): FunnelValues {
  const smallCompleted = c.completed > 0 && c.completed < k;
  return {
    invited: c.invited,
    started: c.started,
    startRate: rate(c.started, c.invited),
    completed: smallCompleted
      ? { suppressed: true, k }
      : {
          suppressed: false,
          count: c.completed,
          completionRate: rate(c.completed, c.started),
          responseRate: rate(c.completed, c.invited),
        },
  };
}

/** The funnel of a whole survey, suppressed when fewer than k people started it. */
export function funnel(counts: FunnelCounts, k: number): Guarded<FunnelValues> {
  checkK(k);
  check(counts);
  if (counts.started < k) return { suppressed: true, k };
  return { suppressed: false, ...values(counts, k) };
}

/**
 * Funnels per channel (invitation, public link, QR, kiosk, staff entry) or per mode (online, kiosk,
 * paper, phone): pass every group so the complementary rule can see them all; `totalShown` says whether
 * the survey's own funnel is published next to them.
 */
export function funnelsBy<G extends string>(
  groups: readonly ({ readonly group: G } & FunnelCounts)[],
  k: number,
  totalShown = true,
): ({ readonly group: G } & Guarded<FunnelValues>)[] {
  checkK(k);
  groups.forEach(check);
  const hidden = suppressRows(
    groups.map((g) => g.started),
    k,
    totalShown,
  );
  return groups.map((g, i) =>
    hidden[i]
      ? { group: g.group, suppressed: true, k }
      : { group: g.group, suppressed: false, ...values(g, k) },
  );
}
