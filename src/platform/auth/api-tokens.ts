import type { Db } from '../../db/database.js';
import type { StaffActor } from '../actor.js';
import { newId, nowIso } from '../clock.js';
import { ReadCache } from '../read-cache.js';
import { hashToken, newSecretToken } from '../secret-token.js';
import { actorColumns, toActor } from './staff-actor.js';

/** Creates a personal API token carrying the staff member's rights; the token is shown once. */
export async function createApiToken(
  db: Db,
  staff: { id: string; organizationId: string },
  name: string,
): Promise<string> {
  const token = newSecretToken('er_');
  await db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      organization_id: staff.organizationId,
      staff_id: staff.id,
      name,
      token_hash: hashToken(token),
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

// Token hash → actor (or undefined for an unknown, revoked or disabled one), for two seconds: the
// API looks the token up on every request. Whatever changes what a token may do calls
// `forgetTokenActors()` (updateStaffMember: role, department, status; a token revocation must too),
// so this process refuses or re-rights the token at once; other processes within TOKEN_TTL_MS.
const TOKEN_TTL_MS = 2000;
const tokenActors = new ReadCache<StaffActor | undefined>(TOKEN_TTL_MS, 1000);

/** Forgets every cached token → actor lookup (after a staff member's rights or a token change). */
export function forgetTokenActors(): void {
  tokenActors.invalidate();
}

/** The active staff member behind a Bearer token, if the token is valid and not revoked. */
export async function findTokenActor(db: Db, token: string): Promise<StaffActor | undefined> {
  const hash = hashToken(token);
  return tokenActors.get(hash, () => loadTokenActor(db, hash));
}

async function loadTokenActor(db: Db, hash: string): Promise<StaffActor | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('staff', 'staff.id', 'api_tokens.staff_id')
    .select(actorColumns)
    .where('api_tokens.token_hash', '=', hash)
    .where('api_tokens.revoked_at', 'is', null)
    .where('staff.status', '=', 'active')
    .executeTakeFirst();
  // Frozen: every request within the TTL shares it.
  return row ? Object.freeze(toActor(row, 'token')) : undefined;
}
