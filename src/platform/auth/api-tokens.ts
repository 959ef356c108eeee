import type { Db } from '../../db/database.js';
import type { StaffActor } from '../actor.js';
import { newId, nowIso } from '../clock.js';
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

/** The active staff member behind a Bearer token, if the token is valid and not revoked. */
export async function findTokenActor(db: Db, token: string): Promise<StaffActor | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('staff', 'staff.id', 'api_tokens.staff_id')
    .select(actorColumns)
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('staff.status', '=', 'active')
    .executeTakeFirst();
  return row ? toActor(row, 'token') : undefined;
}
