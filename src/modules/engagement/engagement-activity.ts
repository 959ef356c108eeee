import { cameBack, CAME_BACK_WINDOW_DAYS, latestOf } from '../../analysis/engagement/index.js';
import type { Db } from '../../db/database.js';
import { allInputSources } from '../decisions/input-sources.js';
import {
  listOrganizationParticipants,
  type OrganizationParticipant,
} from '../participants/organization-participants.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the organization knows of its participants' activity, loaded once per request. */
export interface ActivityFacts {
  participants: OrganizationParticipant[];
  /** When each participant last joined an initiative (only those who joined one). */
  lastJoined: Map<string, string>;
  /** Each participant's latest activity per input source (one time per source that knows them). */
  latestBySource: Map<string, string[]>;
}

/**
 * Loads every participant and their latest activity in every registered input source (generic over
 * the registry: a source added later counts without a change here).
 */
export async function loadActivityFacts(db: Db, organizationId: string): Promise<ActivityFacts> {
  const participants = await listOrganizationParticipants(db, organizationId);
  const latestBySource = new Map<string, string[]>();
  for (const source of allInputSources()) {
    for (const { participantId, at } of await source.lastActivity(db, organizationId)) {
      const list = latestBySource.get(participantId) ?? [];
      list.push(at);
      latestBySource.set(participantId, list);
    }
  }
  const lastJoined = new Map(
    participants.flatMap((p) => (p.lastJoinedAt ? [[p.id, p.lastJoinedAt] as const] : [])),
  );
  return { participants, lastJoined, latestBySource };
}

/** A participant's latest contribution over every source, or null when they never contributed. */
export function lastContributionOf(facts: ActivityFacts, participantId: string): string | null {
  return latestOf(facts.latestBySource.get(participantId) ?? []);
}

/**
 * The activity times that tell whether a recipient came back within the window after `sentAt`.
 * The sources tell only each participant's latest activity per kind; when all of it lies after the
 * window (they came back later, or came back in time and again later), their inputs' own dates are
 * added. Votes, supports and comments in the window followed by later activity of the same kind
 * are not seen: a known undercount. `cache` keeps each participant's input dates for the request.
 */
export async function recipientActivityTimes(
  db: Db,
  organizationId: string,
  facts: ActivityFacts,
  participantId: string,
  sentAt: string,
  cache: Map<string, string[]>,
): Promise<string[]> {
  const joined = facts.lastJoined.get(participantId);
  const times = [...(facts.latestBySource.get(participantId) ?? []), ...(joined ? [joined] : [])];
  if (cameBack(sentAt, times)) return times;
  const windowEnd = Date.parse(sentAt) + CAME_BACK_WINDOW_DAYS * DAY_MS;
  if (!times.some((t) => Date.parse(t) > windowEnd)) return times;
  let own = cache.get(participantId);
  if (!own) {
    own = [];
    for (const source of allInputSources()) {
      for (const item of await source.ofParticipant(db, organizationId, participantId))
        own.push(item.createdAt);
    }
    cache.set(participantId, own);
  }
  return [...times, ...own];
}
