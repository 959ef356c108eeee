import type { Db } from '../../db/database.js';
import {
  defaultThresholds,
  thresholdProblems,
  type TokenRiskThresholds,
} from '../../analysis/influence/index.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import { hasForbiddenCharacters } from '../../platform/validation.js';
import { influenceRules } from './influence.policy.js';
import { findThresholds, storeThresholds } from './influence.repository.js';

/** The organization's token-risk thresholds (the defaults until an admin sets them). */
export async function getInfluenceThresholds(
  db: Db,
  actor: StaffActor | undefined,
): Promise<TokenRiskThresholds> {
  authorize(actor, influenceRules.view);
  return (await findThresholds(db, actor.organizationId)) ?? defaultThresholds;
}

/**
 * Sets the organization's token-risk thresholds from a form or JSON body: `closedDays` a whole
 * number of days 0–3650, `responseSharePercent` a whole percentage 0–100. With `partial`, a field
 * left out keeps its current value.
 */
export async function saveInfluenceThresholds(
  db: Db,
  actor: StaffActor | undefined,
  body: unknown,
  options: { partial?: boolean } = {},
): Promise<TokenRiskThresholds> {
  authorize(actor, influenceRules.configure);
  const given = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const current = options.partial
    ? ((await findThresholds(db, actor.organizationId)) ?? defaultThresholds)
    : {};
  const raw: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) raw[k] = v;
  const fields = ['closedDays', 'responseSharePercent'] as const;
  const control = fields.filter((f) => typeof raw[f] === 'string' && hasForbiddenCharacters(raw[f]));
  if (control.length > 0) throw invalid(control.map((field) => ({ field, code: 'invalidCharacters' })));
  const problems = thresholdProblems({
    closedDays: raw.closedDays,
    responseSharePercent: raw.responseSharePercent,
  });
  if (problems.length > 0)
    throw invalid(
      problems.map((p) => ({ field: p.field, code: p.code, params: { min: p.min, max: p.max } })),
    );
  const thresholds = {
    closedDays: Number(String(raw.closedDays).trim()),
    responseSharePercent: Number(String(raw.responseSharePercent).trim()),
  };
  await storeThresholds(db, actor.organizationId, thresholds, actor.staffId, nowIso());
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'influence.thresholds.save',
    subjectType: 'organization',
    subjectId: actor.organizationId,
    details: { ...thresholds },
  });
  return thresholds;
}
