import type { Db } from '../../db/database.js';
import { getJoinableInitiative } from '../initiatives/public-initiatives.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { findCurrentParticipant } from './find-current-participant.js';
import { findMembership } from './participants.repository.js';
import type { Participant } from './participants.table.js';

/** Whether someone may contribute now, and if not, where to send them (the join page). */
export type ConsentCheck =
  | {
      ok: true;
      initiative: Initiative & { consent: NonNullable<Initiative['consent']> };
      participant: Participant;
    }
  | {
      ok: false;
      reason: 'not_joined' | 'consent_outdated';
      initiative: Initiative & { consent: NonNullable<Initiative['consent']> };
      /** The participant behind the cookie, if any (known to the organization but not a member). */
      participant: Participant | undefined;
    };

/**
 * The gate every activity (surveys, ideas …) passes before accepting a contribution: the initiative
 * must be open, and the participant must have accepted its current consent version. Closed or
 * unknown initiatives throw (`initiative_not_open`, `not_found`); a missing or outdated consent
 * returns `ok: false`: send the person to `joinPagePath(…)`, where they read and accept the current text.
 */
export async function requireCurrentConsent(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
): Promise<ConsentCheck> {
  const initiative = await getJoinableInitiative(db, organizationId, initiativeSlug);
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  if (!participant) return { ok: false, reason: 'not_joined', initiative, participant };
  const membership = await findMembership(db, organizationId, initiative.id, participant.id);
  if (!membership) return { ok: false, reason: 'not_joined', initiative, participant };
  if (membership.consentTextId !== initiative.consent.id) {
    return { ok: false, reason: 'consent_outdated', initiative, participant };
  }
  return { ok: true, initiative, participant };
}
