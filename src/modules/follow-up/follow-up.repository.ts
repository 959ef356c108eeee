import type { Db } from '../../db/database.js';

// The only SQL of the follow-up module: whether a participant unsubscribed from follow-up mail.

/** When the participant unsubscribed from follow-up mail, or null while they receive it. */
export async function findUnsubscribedAt(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('follow_up_subscriptions')
    .select('unsubscribed_at')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return row?.unsubscribed_at ?? null;
}

/** Records the participant's choice: unsubscribed at `at`, or subscribed again (`at` null). */
export async function saveSubscription(
  db: Db,
  organizationId: string,
  participantId: string,
  unsubscribedAt: string | null,
  now: string,
): Promise<void> {
  await db
    .insertInto('follow_up_subscriptions')
    .values({
      organization_id: organizationId,
      participant_id: participantId,
      unsubscribed_at: unsubscribedAt,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['organization_id', 'participant_id'])
        .doUpdateSet({ unsubscribed_at: unsubscribedAt, updated_at: now }),
    )
    .execute();
}

/** Forgets the participant's choice (part of erasure). */
export async function deleteSubscription(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<void> {
  await db
    .deleteFrom('follow_up_subscriptions')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
}

/** The participants of the organization who unsubscribed from follow-up mail. */
export async function listUnsubscribedIds(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('follow_up_subscriptions')
    .select('participant_id')
    .where('organization_id', '=', organizationId)
    .where('unsubscribed_at', 'is not', null)
    .execute();
  return rows.map((r) => r.participant_id);
}
