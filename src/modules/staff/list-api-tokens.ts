import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { listApiTokens, type ApiTokenSummary } from './staff.repository.js';
import { staffRules } from './staff.policy.js';

/** The signed-in staff member's own API tokens (names and dates, never the secrets). */
export async function listOwnApiTokens(db: Db, actor: StaffActor | undefined): Promise<ApiTokenSummary[]> {
  authorize(actor, staffRules.manageOwnTokens);
  return listApiTokens(db, actor.organizationId, actor.staffId);
}
