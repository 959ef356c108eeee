import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { insertAttribute, listAttributes } from './demographics.repository.js';
import { participantRules } from './participants.policy.js';

/** A stable key for exports and weighting, plus the label in each language. */
export const DemographicKey = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[a-z0-9]+(_[a-z0-9]+)*$',
  errorCode: 'keyFormat',
});

/** Input for a new attribute (e.g. "age_band", "Age band", "Aldersgruppe"). */
export const DefineDemographicAttributeInput = Type.Object({
  key: DemographicKey,
  labelEn: Type.String({ minLength: 1, maxLength: 100 }),
  labelDa: Type.String({ minLength: 1, maxLength: 100 }),
});

/** Adds a demographic attribute after the existing ones; participants may always skip it. */
export async function defineDemographicAttribute(
  db: Db,
  actor: StaffActor | undefined,
  raw: unknown,
): Promise<string> {
  authorize(actor, participantRules.manageDemographics);
  const input = parseInput(DefineDemographicAttributeInput, raw);
  const existing = await listAttributes(db, actor.organizationId);
  if (existing.some((a) => a.key === input.key)) throw invalid([{ field: 'key', code: 'taken' }]);
  const id = await insertAttribute(db, actor.organizationId, input);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'demographics.attribute_defined',
    subjectType: 'demographic_attribute',
    subjectId: id,
    details: { key: input.key },
  });
  return id;
}
