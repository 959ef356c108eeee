import {
  countSegments,
  segmentParticipants,
  type Segment,
  type SegmentedParticipant,
} from '../../analysis/engagement/index.js';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { engagementRules } from './engagement.policy.js';
import { lastContributionOf, loadActivityFacts, type ActivityFacts } from './engagement-activity.js';
import { lapsedAfterDaysOf } from './lapse-setting.js';

/** The organization's participants by segment at one moment. */
export interface SegmentsView {
  lapsedAfterDays: number;
  counts: Record<Segment, number>;
  /** How many non-erased participants were judged (the counts' sum). */
  total: number;
  at: string;
}

/** Every non-erased participant's segment, with the facts it was judged on (for campaigns). */
export async function segmentOrganization(
  db: Db,
  organizationId: string,
  now: Date,
): Promise<{ lapsedAfterDays: number; facts: ActivityFacts; segmented: SegmentedParticipant[] }> {
  const lapsedAfterDays = await lapsedAfterDaysOf(db, organizationId);
  const facts = await loadActivityFacts(db, organizationId);
  const segmented = segmentParticipants(
    facts.participants.map((p) => ({
      id: p.id,
      erased: p.erased,
      lastContributionAt: lastContributionOf(facts, p.id),
      lastJoinedAt: p.lastJoinedAt,
    })),
    now,
    lapsedAfterDays,
  );
  return { lapsedAfterDays, facts, segmented };
}

/** How many participants are active, quiet, lapsed or never active now (erased ones in none). */
export async function getSegments(
  db: Db,
  actor: StaffActor | undefined,
  now: Date = new Date(),
): Promise<SegmentsView> {
  authorize(actor, engagementRules.view);
  const { lapsedAfterDays, segmented } = await segmentOrganization(db, actor.organizationId, now);
  return {
    lapsedAfterDays,
    counts: countSegments(segmented),
    total: segmented.length,
    at: now.toISOString(),
  };
}
