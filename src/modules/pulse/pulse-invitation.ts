import type { Db } from '../../db/database.js';
import { activityRef } from './pulse-activity.js';
import { hasPulse } from './pulse.repository.js';
import { pulseSwitchesOf } from './pulse-settings.js';
import type { ActivityKind } from './pulse.table.js';

/** Where the pulse of an activity is answered (relative to the platform's public URL). */
export function pulsePath(
  orgSlug: string,
  initiativeSlug: string,
  kind: ActivityKind,
  activityId: string,
  kioskId?: string,
): string {
  const query = new URLSearchParams({ activity: activityRef(kind, activityId) });
  if (kioskId) query.set('kiosk', kioskId);
  return `/o/${encodeURIComponent(orgSlug)}/i/${encodeURIComponent(initiativeSlug)}/pulse?${query.toString()}`;
}

/**
 * The link a thank-you page shows to invite a contributor to the pulse, or null when the initiative
 * switched the pulse off for this kind or the participant already answered it. Called by the activity
 * modules' participant routes after a contribution.
 */
export async function pulseInvitation(
  db: Db,
  at: {
    organizationId: string;
    orgSlug: string;
    initiativeId: string;
    initiativeSlug: string;
    kind: ActivityKind;
    activityId: string;
    /** The participant behind the cookie; absent for a kiosk respondent. */
    participantId?: string | undefined;
    /** The survey kiosk the respondent used, for an anonymous pulse. */
    kioskId?: string | undefined;
  },
): Promise<string | null> {
  const switches = await pulseSwitchesOf(db, at.organizationId, at.initiativeId);
  if (!switches[at.kind]) return null;
  if (at.kioskId === undefined) {
    if (!at.participantId) return null;
    if (await hasPulse(db, at.organizationId, at.kind, at.activityId, at.participantId)) return null;
  }
  return pulsePath(at.orgSlug, at.initiativeSlug, at.kind, at.activityId, at.kioskId);
}
