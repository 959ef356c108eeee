import type { Db } from '../../db/database.js';
import { deleteSession } from '../../platform/auth/sessions.js';

/** Ends the session behind a cookie's token, so the cookie is useless even if it was copied. */
export async function signOut(db: Db, sessionToken: string | undefined): Promise<void> {
  if (sessionToken) await deleteSession(db, sessionToken);
}
