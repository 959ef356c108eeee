import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { invalid, type FieldError } from '../../platform/errors.js';
import { listAttributes } from './demographics.repository.js';

/** The answer value meaning "prefer not to say" (category ids are UUIDs, so it cannot clash). */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

/** Answers keyed by attribute id: a category id or `prefer_not_to_say`; a missing key is "not answered". */
export const DemographicAnswersInput = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.String({ minLength: 1, maxLength: 64 }),
  { description: 'attribute id → category id or "prefer_not_to_say"; leave an attribute out to not answer' },
);

/**
 * Checks answers against the organization's attributes and categories; unknown ids (including
 * another organization's) are field errors under `<field>.<attributeId>`.
 */
export async function resolveDemographicAnswers(
  db: Db,
  organizationId: string,
  answers: Record<string, string>,
  field: string,
): Promise<{ attributeId: string; categoryId: string | null }[]> {
  const attributes = await listAttributes(db, organizationId);
  const errors: FieldError[] = [];
  const out: { attributeId: string; categoryId: string | null }[] = [];
  for (const [attributeId, value] of Object.entries(answers)) {
    const attribute = attributes.find((a) => a.id === attributeId);
    if (!attribute) {
      errors.push({ field: `${field}.${attributeId}`, code: 'unknownId' });
    } else if (value === PREFER_NOT_TO_SAY) {
      out.push({ attributeId, categoryId: null });
    } else if (attribute.categories.some((c) => c.id === value)) {
      out.push({ attributeId, categoryId: value });
    } else {
      errors.push({ field: `${field}.${attributeId}`, code: 'unknownId' });
    }
  }
  if (errors.length > 0) throw invalid(errors);
  return out;
}
