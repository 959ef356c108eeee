import type { Db } from '../../db/database.js';
import { ReadCache } from '../../platform/read-cache.js';
import { findSurveyState, type SurveyState } from './surveys.repository.js';

// (organization, survey) → the few columns a submission checks (status, current version, initiative,
// updatedAt), for two seconds: every submission reads them. The use cases that change them
// (publishSurvey, closeSurvey, updateSurveySettings, the question editor's saveDraft) call
// `forgetSurveyState`, so in this process a closed survey refuses the very next submission; other
// processes see the change within STATE_TTL_MS. The current version's definition is cached
// separately (version-cache.ts), keyed by this state's updatedAt.
const STATE_TTL_MS = 2000;
const states = new ReadCache<SurveyState | undefined>(STATE_TTL_MS, 2000);

/** A survey's submission state, cached (undefined when the organization has no such survey). */
export async function cachedSurveyState(
  db: Db,
  organizationId: string,
  id: string,
): Promise<SurveyState | undefined> {
  return states.get(`${organizationId}\u0000${id}`, async () => {
    const state = await findSurveyState(db, organizationId, id);
    return state ? Object.freeze(state) : undefined;
  });
}

/** Forgets a survey's cached state (its status, current version or settings changed). */
export function forgetSurveyState(organizationId: string, id: string): void {
  states.invalidate(`${organizationId}\u0000${id}`);
}
