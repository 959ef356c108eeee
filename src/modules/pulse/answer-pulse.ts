import type { Db } from '../../db/database.js';
import { PULSE_QUESTIONS } from '../../analysis/pulse/index.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { openPulse, type OpenPulse } from './open-pulse.js';
import { PulseInput } from './pulse-input.js';
import { insertPulse } from './pulse.repository.js';

/**
 * Stores a pulse after an activity. Each question is optional but one must be answered (the error
 * sits on the first question); a participant's second pulse for the same activity is refused with
 * `pulse_already_answered`. A kiosk respondent's answer is stored without a participant: nobody can
 * tell two kiosk respondents apart, so their answers are never checked for duplicates (the rate
 * limit of public forms is the only brake).
 */
export async function answerPulse(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
  query: { activity?: unknown; kiosk?: unknown },
  raw: unknown,
): Promise<OpenPulse> {
  const open = await openPulse(db, organizationId, initiativeSlug, participantId, query);
  if (open.answered) throw new AppError('pulse_already_answered');
  const input = parseInput(PulseInput, raw);
  if (PULSE_QUESTIONS.every((q) => input[q] === undefined)) {
    throw invalid([{ field: 'heard', code: 'pulse.atLeastOne' }]);
  }
  const stored = await insertPulse(db, {
    organizationId,
    initiativeId: open.initiative.id,
    activityKind: open.activity.kind,
    activityId: open.activity.id,
    participantId: open.respondent.kind === 'participant' ? open.respondent.participantId : null,
    scores: { heard: input.heard ?? null, easy: input.easy ?? null, again: input.again ?? null },
    comment: input.comment,
    createdAt: nowIso(),
  });
  // Two submissions at once: the unique index lets one through.
  if (!stored) throw new AppError('pulse_already_answered');
  return open;
}
