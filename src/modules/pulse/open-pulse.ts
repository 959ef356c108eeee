import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { getJoinableInitiative } from '../initiatives/public-initiatives.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { requireCurrentConsent } from '../participants/require-current-consent.js';
import { parseActivityRef, resolveActivity, type PulseActivity } from './pulse-activity.js';
import { hasPulse } from './pulse.repository.js';
import { pulseSwitchesOf } from './pulse-settings.js';

/**
 * Who answers a pulse: a participant who accepted the initiative's current consent, or an anonymous
 * kiosk respondent (a survey kiosk is a shared device, so a participant cookie on it is ignored).
 */
export type PulseRespondent =
  { kind: 'participant'; participantId: string } | { kind: 'kiosk'; kioskId: string };

/** Where a pulse stands for the person asking. */
export interface OpenPulse {
  initiative: Initiative;
  activity: PulseActivity;
  respondent: PulseRespondent;
  /** The participant already answered for this activity (never true for a kiosk respondent). */
  answered: boolean;
}

const KIOSK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The pulse of an activity for the person asking: the initiative must be open, the activity one of
 * it, the pulse switched on for its kind (`pulse_off` otherwise), and the person a consenting
 * participant (`consent_required` otherwise) or a kiosk respondent after a survey.
 */
export async function openPulse(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
  query: { activity?: unknown; kiosk?: unknown },
): Promise<OpenPulse> {
  const ref = parseActivityRef(query.activity);
  const kioskId = typeof query.kiosk === 'string' && KIOSK_ID.test(query.kiosk) ? query.kiosk : undefined;
  let initiative: Initiative;
  let respondent: PulseRespondent;
  if (kioskId !== undefined && ref?.kind === 'survey') {
    initiative = await getJoinableInitiative(db, organizationId, initiativeSlug);
    respondent = { kind: 'kiosk', kioskId };
  } else {
    const check = await requireCurrentConsent(db, organizationId, initiativeSlug, participantId);
    if (!check.ok) throw new AppError('consent_required');
    initiative = check.initiative;
    respondent = { kind: 'participant', participantId: check.participant.id };
  }
  const activity = await resolveActivity(db, initiative, ref);
  const switches = await pulseSwitchesOf(db, organizationId, initiative.id);
  if (!switches[activity.kind]) throw new AppError('pulse_off');
  const answered =
    respondent.kind === 'participant' &&
    (await hasPulse(db, organizationId, activity.kind, activity.id, respondent.participantId));
  return { initiative, activity, respondent, answered };
}
