import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { DemographicKey } from './define-demographic-attribute.js';
import { insertCategory, listAttributes } from './demographics.repository.js';
import { participantRules } from './participants.policy.js';

/** Input for a new category of an attribute (e.g. "18_29", "18-29 years", "18-29 år"). */
export const DefineDemographicCategoryInput = Type.Object({
  key: DemographicKey,
  labelEn: Type.String({ minLength: 1, maxLength: 100 }),
  labelDa: Type.String({ minLength: 1, maxLength: 100 }),
});

/** Adds a category after the attribute's existing ones; another organization's attribute is not found. */
export async function defineDemographicCategory(
  db: Db,
  actor: StaffActor | undefined,
  attributeId: string,
  raw: unknown,
): Promise<string> {
  authorize(actor, participantRules.manageDemographics);
  const attribute = (await listAttributes(db, actor.organizationId)).find((a) => a.id === attributeId);
  if (!attribute) throw notFound();
  const input = parseInput(DefineDemographicCategoryInput, raw);
  if (attribute.categories.some((c) => c.key === input.key)) throw invalid([{ field: 'key', code: 'taken' }]);
  const id = await insertCategory(db, actor.organizationId, attribute.id, input);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'demographics.category_defined',
    subjectType: 'demographic_category',
    subjectId: id,
    details: { attribute: attribute.key, key: input.key },
  });
  return id;
}
