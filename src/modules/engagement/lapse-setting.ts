import {
  DEFAULT_LAPSED_AFTER_DAYS,
  LAPSED_AFTER_DAYS_MAX,
  LAPSED_AFTER_DAYS_MIN,
} from '../../analysis/engagement/index.js';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid } from '../../platform/errors.js';
import { engagementRules } from './engagement.policy.js';
import { findLapsedAfterDays, storeLapsedAfterDays } from './engagement.repository.js';

/** After how many days without activity the organization's participants have lapsed (default 90). */
export async function lapsedAfterDaysOf(db: Db, organizationId: string): Promise<number> {
  return (await findLapsedAfterDays(db, organizationId)) ?? DEFAULT_LAPSED_AFTER_DAYS;
}

/** Parses the setting from a form or JSON: a whole number of days within the allowed range. */
export function parseLapsedAfterDays(raw: unknown): number {
  const value = (raw ?? {}) as Record<string, unknown>;
  const given = value.lapsedAfterDays;
  const text = typeof given === 'number' ? String(given) : typeof given === 'string' ? given.trim() : '';
  if (text === '') throw invalid([{ field: 'lapsedAfterDays', code: 'required' }]);
  if (!/^\d{1,6}$/.test(text)) throw invalid([{ field: 'lapsedAfterDays', code: 'wholeNumber' }]);
  const days = Number(text);
  if (days < LAPSED_AFTER_DAYS_MIN || days > LAPSED_AFTER_DAYS_MAX)
    throw invalid([
      {
        field: 'lapsedAfterDays',
        code: 'outOfRange',
        params: { min: LAPSED_AFTER_DAYS_MIN, max: LAPSED_AFTER_DAYS_MAX },
      },
    ]);
  return days;
}

/** Sets after how many days participants lapse (admins only); recorded in the audit log. */
export async function setLapsedAfterDays(
  db: Db,
  actor: StaffActor | undefined,
  raw: unknown,
): Promise<number> {
  authorize(actor, engagementRules.configure);
  const days = parseLapsedAfterDays(raw);
  await storeLapsedAfterDays(db, actor.organizationId, days, actor.staffId);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'engagement.lapse_setting',
    subjectType: 'organization',
    subjectId: actor.organizationId,
    details: { lapsedAfterDays: days },
  });
  return days;
}
