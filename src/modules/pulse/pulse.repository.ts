import type { Db } from '../../db/database.js';
import { newId } from '../../platform/clock.js';
import type { PulseQuestion } from '../../analysis/pulse/index.js';
import { toPulse, type ActivityKind, type Pulse } from './pulse.table.js';

// The pulse's queries: the only place its SQL lives. Every query is scoped by organization.

/** A pulse to store. */
export interface NewPulse {
  organizationId: string;
  initiativeId: string;
  activityKind: ActivityKind;
  activityId: string;
  participantId: string | null;
  scores: Record<PulseQuestion, number | null>;
  comment: string;
  createdAt: string;
}

/** Stores a pulse; false when this participant already answered for this activity (the unique index decides). */
export async function insertPulse(db: Db, pulse: NewPulse): Promise<boolean> {
  const result = await db
    .insertInto('pulse_answers')
    .values({
      id: newId(),
      organization_id: pulse.organizationId,
      initiative_id: pulse.initiativeId,
      activity_kind: pulse.activityKind,
      activity_id: pulse.activityId,
      participant_id: pulse.participantId,
      heard: pulse.scores.heard,
      easy: pulse.scores.easy,
      again: pulse.scores.again,
      comment: pulse.comment,
      created_at: pulse.createdAt,
    })
    .onConflict((oc) =>
      oc.columns(['organization_id', 'activity_kind', 'activity_id', 'participant_id']).doNothing(),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether the participant already answered the pulse of this activity. */
export async function hasPulse(
  db: Db,
  organizationId: string,
  activityKind: ActivityKind,
  activityId: string,
  participantId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('pulse_answers')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('activity_kind', '=', activityKind)
    .where('activity_id', '=', activityId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return row !== undefined;
}

/** An initiative's pulses, newest first. */
export async function listPulsesOfInitiative(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<Pulse[]> {
  const rows = await db
    .selectFrom('pulse_answers')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toPulse);
}

/** A participant's pulses in the organization, oldest first. */
export async function listPulsesOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<Pulse[]> {
  const rows = await db
    .selectFrom('pulse_answers')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toPulse);
}

/** Deletes a participant's pulses; how many went. */
export async function deletePulsesOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<number> {
  const result = await db
    .deleteFrom('pulse_answers')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The activity kinds an initiative switched off. */
export async function disabledKinds(db: Db, organizationId: string, initiativeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('pulse_settings')
    .select('activity_kind')
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('enabled', '=', 0)
    .execute();
  return rows.map((r) => r.activity_kind);
}

/** Records whether an initiative asks for a pulse after an activity kind. */
export async function upsertSetting(
  db: Db,
  setting: {
    organizationId: string;
    initiativeId: string;
    activityKind: ActivityKind;
    enabled: boolean;
    staffId: string;
    at: string;
  },
): Promise<void> {
  const enabled = setting.enabled ? 1 : 0;
  await db
    .insertInto('pulse_settings')
    .values({
      organization_id: setting.organizationId,
      initiative_id: setting.initiativeId,
      activity_kind: setting.activityKind,
      enabled,
      updated_by: setting.staffId,
      updated_at: setting.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['initiative_id', 'activity_kind'])
        .doUpdateSet({ enabled, updated_by: setting.staffId, updated_at: setting.at }),
    )
    .execute();
}
