import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../platform/clock.js';
import type { DemographicAnswer, DemographicAttribute } from './participants.table.js';

// The organization's demographic attributes, their categories and participants' answers.
// Every query here is scoped by organization_id.

/** The organization's demographic attributes with their categories, in order. */
export async function listAttributes(db: Db, organizationId: string): Promise<DemographicAttribute[]> {
  const [attributes, categories] = await Promise.all([
    db
      .selectFrom('demographic_attributes')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('position')
      .orderBy('key')
      .execute(),
    db
      .selectFrom('demographic_categories')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .orderBy('position')
      .orderBy('key')
      .execute(),
  ]);
  return attributes.map((a) => ({
    id: a.id,
    key: a.key,
    labelEn: a.label_en,
    labelDa: a.label_da,
    position: Number(a.position),
    categories: categories
      .filter((c) => c.attribute_id === a.id)
      .map((c) => ({
        id: c.id,
        key: c.key,
        labelEn: c.label_en,
        labelDa: c.label_da,
        position: Number(c.position),
      })),
  }));
}

/** Stores a new attribute after the existing ones. */
export async function insertAttribute(
  db: Db,
  organizationId: string,
  a: { key: string; labelEn: string; labelDa: string },
): Promise<string> {
  const last = await db
    .selectFrom('demographic_attributes')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto('demographic_attributes')
    .values({
      id,
      organization_id: organizationId,
      key: a.key,
      label_en: a.labelEn,
      label_da: a.labelDa,
      position: last?.p === null || last?.p === undefined ? 1 : Number(last.p) + 1,
    })
    .execute();
  return id;
}

/** Stores a new category after the attribute's existing ones. */
export async function insertCategory(
  db: Db,
  organizationId: string,
  attributeId: string,
  c: { key: string; labelEn: string; labelDa: string },
): Promise<string> {
  const last = await db
    .selectFrom('demographic_categories')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('organization_id', '=', organizationId)
    .where('attribute_id', '=', attributeId)
    .executeTakeFirst();
  const id = newId();
  await db
    .insertInto('demographic_categories')
    .values({
      id,
      organization_id: organizationId,
      attribute_id: attributeId,
      key: c.key,
      label_en: c.labelEn,
      label_da: c.labelDa,
      position: last?.p === null || last?.p === undefined ? 1 : Number(last.p) + 1,
    })
    .execute();
  return id;
}

/** The answers of some participants, with labels, keyed by participant id. */
export async function demographicAnswersOf(
  db: Db,
  organizationId: string,
  participantIds: string[],
): Promise<Map<string, DemographicAnswer[]>> {
  const out = new Map<string, DemographicAnswer[]>();
  if (participantIds.length === 0) return out;
  const rows = await db
    .selectFrom('participant_demographics as pd')
    .innerJoin('demographic_attributes as a', 'a.id', 'pd.attribute_id')
    .leftJoin('demographic_categories as c', 'c.id', 'pd.category_id')
    .select([
      'pd.participant_id',
      'pd.attribute_id',
      'a.key as attribute_key',
      'a.label_en as attribute_label_en',
      'a.label_da as attribute_label_da',
      'pd.category_id',
      'c.key as category_key',
      'c.label_en as category_label_en',
      'c.label_da as category_label_da',
      'pd.prefer_not_to_say',
      'pd.updated_at',
    ])
    .where('pd.organization_id', '=', organizationId)
    .where('a.organization_id', '=', organizationId)
    .where('pd.participant_id', 'in', participantIds)
    .orderBy('a.position')
    .orderBy('a.key')
    .execute();
  for (const r of rows) {
    const list = out.get(r.participant_id) ?? [];
    list.push({
      attributeId: r.attribute_id,
      attributeKey: r.attribute_key,
      attributeLabelEn: r.attribute_label_en,
      attributeLabelDa: r.attribute_label_da,
      categoryId: r.category_id,
      categoryKey: r.category_key,
      categoryLabelEn: r.category_label_en,
      categoryLabelDa: r.category_label_da,
      preferNotToSay: Number(r.prefer_not_to_say) === 1,
      updatedAt: r.updated_at,
    });
    out.set(r.participant_id, list);
  }
  return out;
}

/** Replaces all of a participant's answers (attributes left out are "not answered"). */
export async function replaceDemographicAnswers(
  db: Db,
  organizationId: string,
  participantId: string,
  answers: { attributeId: string; categoryId: string | null }[],
): Promise<void> {
  await db
    .deleteFrom('participant_demographics')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
  if (answers.length === 0) return;
  const now = nowIso();
  await db
    .insertInto('participant_demographics')
    .values(
      answers.map((a) => ({
        organization_id: organizationId,
        participant_id: participantId,
        attribute_id: a.attributeId,
        category_id: a.categoryId,
        prefer_not_to_say: a.categoryId === null ? 1 : 0,
        updated_at: now,
      })),
    )
    .execute();
}

/** Sets the given demographic answers, leaving the participant's other attributes as they were. */
export async function upsertDemographicAnswers(
  db: Db,
  organizationId: string,
  participantId: string,
  answers: { attributeId: string; categoryId: string | null }[],
): Promise<void> {
  if (answers.length === 0) return;
  await db
    .deleteFrom('participant_demographics')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .where(
      'attribute_id',
      'in',
      answers.map((a) => a.attributeId),
    )
    .execute();
  const now = nowIso();
  await db
    .insertInto('participant_demographics')
    .values(
      answers.map((a) => ({
        organization_id: organizationId,
        participant_id: participantId,
        attribute_id: a.attributeId,
        category_id: a.categoryId,
        prefer_not_to_say: a.categoryId === null ? 1 : 0,
        updated_at: now,
      })),
    )
    .execute();
}
