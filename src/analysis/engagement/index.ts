// Engagement: segments of participants by their latest activity, and who came back after a
// re-engagement campaign. Pure.
export {
  ACTIVE_WINDOW_DAYS,
  DEFAULT_LAPSED_AFTER_DAYS,
  LAPSED_AFTER_DAYS_MAX,
  LAPSED_AFTER_DAYS_MIN,
  countSegments,
  latestOf,
  segmentKinds,
  segmentOf,
  segmentParticipants,
} from './segments.js';
export type { Segment, SegmentInput, SegmentedParticipant } from './segments.js';
export { CAME_BACK_WINDOW_DAYS, cameBack, cameBackReport, windowOpen } from './came-back.js';
export type { CameBackCount, CameBackReport, RecipientActivity } from './came-back.js';
