// Engagement segments of an organization's participants. Pure: fed people and the moment to judge
// at, returns each person's segment and the counts.
//
// How "active" and "lapsed" relate (the organization chooses N, the days after which someone lapses):
// - never_active: registered (and possibly joined initiatives) but never contributed anything.
// - lapsed:       contributed before, and the latest activity is at least N days old.
// - active:       contributed before, and the latest activity is less than min(90, N) days old.
// - quiet:        only when N > 90: the latest activity is 90 days old or more but under N days.
// The four are a partition. With N < 90 the organization reaches out earlier than the 90-day active
// window, so lapsed wins: someone is never both. With N > 90 there is a gap between no longer
// active and lapsed, shown honestly as "quiet" rather than forced into either.
// "Activity" is the latest of the person's contributions (every input source's latest activity)
// and their latest joining of an initiative; joining alone does not make someone active, as
// registration itself is joining an initiative.

/** The window, in days, within which someone's latest activity makes them active. */
export const ACTIVE_WINDOW_DAYS = 90;
/** The default number of days after which someone who took part has lapsed. */
export const DEFAULT_LAPSED_AFTER_DAYS = 90;
/** The smallest and largest setting an organization may choose for N. */
export const LAPSED_AFTER_DAYS_MIN = 7;
export const LAPSED_AFTER_DAYS_MAX = 730;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The segments, in the order they are shown. */
export const segmentKinds = ['active', 'quiet', 'lapsed', 'never_active'] as const;
export type Segment = (typeof segmentKinds)[number];

/** One participant as the segmentation sees them. */
export interface SegmentInput {
  id: string;
  /** Erased participants are in no segment. */
  erased: boolean;
  /** Their latest contribution of any kind (ISO 8601), or null when they never contributed. */
  lastContributionAt: string | null;
  /** When they last joined an initiative (ISO 8601), or null. */
  lastJoinedAt: string | null;
}

/** A participant's segment, and the activity it was judged on. */
export interface SegmentedParticipant {
  id: string;
  segment: Segment;
  /** The latest activity (contribution or joining) when they ever contributed, else null. */
  lastActivityAt: string | null;
}

/** The latest of some ISO 8601 timestamps (null when there are none). */
export function latestOf(times: readonly (string | null | undefined)[]): string | null {
  let latest: number | null = null;
  let text: string | null = null;
  for (const t of times) {
    if (!t) continue;
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) continue;
    if (latest === null || ms > latest) {
      latest = ms;
      text = t;
    }
  }
  return text;
}

/** The segment of one latest activity at `now`, with lapse after `lapsedAfterDays`. */
export function segmentOf(lastActivityAt: string | null, now: Date, lapsedAfterDays: number): Segment {
  if (lastActivityAt === null) return 'never_active';
  const age = now.getTime() - Date.parse(lastActivityAt);
  if (age >= lapsedAfterDays * DAY_MS) return 'lapsed';
  if (age < ACTIVE_WINDOW_DAYS * DAY_MS) return 'active';
  return 'quiet';
}

/**
 * Each non-erased participant's segment. Someone who never contributed is never active whatever
 * their joins; for the others the latest of contribution and joining counts.
 */
export function segmentParticipants(
  people: readonly SegmentInput[],
  now: Date,
  lapsedAfterDays: number = DEFAULT_LAPSED_AFTER_DAYS,
): SegmentedParticipant[] {
  return people
    .filter((p) => !p.erased)
    .map((p) => {
      const lastActivityAt =
        p.lastContributionAt === null ? null : latestOf([p.lastContributionAt, p.lastJoinedAt]);
      return { id: p.id, segment: segmentOf(lastActivityAt, now, lapsedAfterDays), lastActivityAt };
    });
}

/** How many participants each segment holds (every segment present, zero when empty). */
export function countSegments(people: readonly { segment: Segment }[]): Record<Segment, number> {
  const counts: Record<Segment, number> = { active: 0, quiet: 0, lapsed: 0, never_active: 0 };
  for (const p of people) counts[p.segment] += 1;
  return counts;
}
