// Whether the recipients of a re-engagement campaign came back. Pure: fed the send time and the
// activity known of each recipient.

/** The window after a campaign's send within which activity counts as coming back. */
export const CAME_BACK_WINDOW_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether any of the activity times falls after the send and within the window: strictly after
 * `sentAt` (activity at the very moment of sending was not caused by the mail) and at most
 * `CAME_BACK_WINDOW_DAYS` days after it, inclusive.
 */
export function cameBack(sentAt: string, activityTimes: readonly string[]): boolean {
  const start = Date.parse(sentAt);
  const end = start + CAME_BACK_WINDOW_DAYS * DAY_MS;
  return activityTimes.some((t) => {
    const ms = Date.parse(t);
    return ms > start && ms <= end;
  });
}

/** Whether a campaign's came-back window is still open at `now` (the count may still grow). */
export function windowOpen(sentAt: string, now: Date): boolean {
  return now.getTime() <= Date.parse(sentAt) + CAME_BACK_WINDOW_DAYS * DAY_MS;
}

/** One recipient of a sent campaign, as the report counts them. */
export interface RecipientActivity {
  locale: string;
  segment: string;
  /** Known activity times of the recipient; empty after erasure (they can no longer be followed). */
  activityTimes: readonly string[];
}

/** Recipients and how many came back, per group. */
export interface CameBackCount {
  recipients: number;
  cameBack: number;
}

/** The campaign's came-back report: in total, per language and per segment at send time. */
export interface CameBackReport {
  total: CameBackCount;
  byLocale: Record<string, CameBackCount>;
  bySegment: Record<string, CameBackCount>;
}

/** Counts the recipients and those who came back within the window, overall and by group. */
export function cameBackReport(sentAt: string, recipients: readonly RecipientActivity[]): CameBackReport {
  const report: CameBackReport = { total: { recipients: 0, cameBack: 0 }, byLocale: {}, bySegment: {} };
  for (const r of recipients) {
    const back = cameBack(sentAt, r.activityTimes) ? 1 : 0;
    for (const group of [
      report.total,
      (report.byLocale[r.locale] ??= { recipients: 0, cameBack: 0 }),
      (report.bySegment[r.segment] ??= { recipients: 0, cameBack: 0 }),
    ]) {
      group.recipients += 1;
      group.cameBack += back;
    }
  }
  return report;
}
