import type { Db } from '../../db/database.js';
import type { StaffActor } from '../actor.js';
import { addHours, newId, nowIso } from '../clock.js';
import { hashToken, newSecretToken } from '../secret-token.js';
import { actorColumns, toActor } from './staff-actor.js';

/** Name of the staff session cookie. */
export const SESSION_COOKIE = 'er_session';

// Sessions live server-side (only a hash of the cookie's token is stored), so signing out,
// disabling a staff member or a password reset ends them at once.

/** Starts a session for a staff member; returns the token for the cookie. */
export async function createSession(
  db: Db,
  staff: { id: string; organizationId: string },
  hours: number,
): Promise<string> {
  const token = newSecretToken();
  await db
    .insertInto('sessions')
    .values({
      id: newId(),
      token_hash: hashToken(token),
      staff_id: staff.id,
      organization_id: staff.organizationId,
      expires_at: addHours(new Date(), hours),
      created_at: nowIso(),
    })
    .execute();
  return token;
}

/** The active staff member behind a session token, if the session is valid. */
export async function findSessionActor(db: Db, token: string): Promise<StaffActor | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('staff', 'staff.id', 'sessions.staff_id')
    .select(actorColumns)
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.expires_at', '>', nowIso())
    .where('staff.status', '=', 'active')
    .executeTakeFirst();
  return row ? toActor(row, 'session') : undefined;
}

/** Ends a session (sign out). */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
