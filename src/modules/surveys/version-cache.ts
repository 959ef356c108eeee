import type { Db } from '../../db/database.js';
import { findVersion, type SurveyState, type SurveyVersion } from './surveys.repository.js';

// A version that has answers never changes (publishing again makes a new version; only a version
// nobody has answered yet is replaced in place), so submissions need not read and parse its
// definition every time. A version enters the cache only once a response to it has been stored, and
// an entry is used only while the survey's `updatedAt` is the one it was cached under, so even a
// response rolled back after caching cannot leave a replaced version behind. Entries are the parsed
// definitions of current versions: a few kilobytes each, and at most MAX_ENTRIES of them.

const MAX_ENTRIES = 500;
const cache = new Map<string, { organizationId: string; stamp: string; version: SurveyVersion }>();

/**
 * The survey's current version (undefined when it has none), from the cache when it was stored for
 * the same organization and survey state, otherwise from the database.
 */
export async function currentVersionOf(
  db: Db,
  organizationId: string,
  survey: SurveyState,
): Promise<SurveyVersion | undefined> {
  if (!survey.currentVersionId) return undefined;
  const hit = cache.get(survey.currentVersionId);
  if (hit && hit.organizationId === organizationId && hit.stamp === survey.updatedAt) return hit.version;
  return findVersion(db, organizationId, survey.currentVersionId);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Keeps a version that a response was just stored against; it is frozen, since every caller shares it. */
export function rememberAnsweredVersion(
  organizationId: string,
  survey: SurveyState,
  version: SurveyVersion,
): void {
  deepFreeze(version);
  if (cache.has(version.id)) cache.delete(version.id);
  else if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(version.id, { organizationId, stamp: survey.updatedAt, version });
}
