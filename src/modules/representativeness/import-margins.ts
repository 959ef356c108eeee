import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid, type FieldError } from '../../platform/errors.js';
import { hasForbiddenCharacters } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import type { DemographicAttribute } from '../participants/participants.table.js';
import { representativenessRules } from './representativeness.policy.js';
import { saveTargetPopulation, targetPopulationsOf } from './representativeness.repository.js';
import { parseTargetPopulation } from './target-population-input.js';

const MAX_ROWS = 2000;

function matches(item: { key: string; labelEn: string; labelDa: string }, text: string): boolean {
  const t = text.trim().toLowerCase();
  return [item.key, item.labelEn, item.labelDa].some((v) => v.toLowerCase() === t);
}

/**
 * Imports population margins from CSV text with the columns `attribute,category,share` (a census
 * table, say): attributes and categories by key or by English or Danish label; shares as
 * percentages or proportions (an attribute whose shares are all at most 1 is read as proportions).
 * All or nothing: any problem is reported with its line, and nothing is saved.
 */
export async function importMargins(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  input: { csv: string; source: string; asOf: string | null },
): Promise<number> {
  authorize(actor, representativenessRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  const attributes = await listDemographicAttributes(db, actor.organizationId);
  const fail = (code: string, params: Record<string, string | number> = {}): never => {
    throw invalid([{ field: 'csv', code, params }]);
  };
  if (input.csv.trim() === '') fail('required');
  if (hasForbiddenCharacters(input.csv)) fail('invalidCharacters');
  let rows: string[][];
  try {
    rows = parse(input.csv, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
      to: MAX_ROWS + 1,
    });
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return fail('csvMalformed', { line: e.lines ?? 0 });
  }
  const header = rows[0]?.map((h) => h.toLowerCase()) ?? [];
  const col = (name: string) => header.indexOf(name);
  if (col('attribute') < 0 || col('category') < 0 || col('share') < 0) fail('csvHeader');
  if (rows.length > MAX_ROWS) fail('tooMany', { max: MAX_ROWS });
  const byAttribute = new Map<DemographicAttribute, { category: string; percent: number; line: number }[]>();
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const attribute = attributes.find((a) => matches(a, row[col('attribute')] ?? ''));
    if (!attribute)
      return fail('csvUnknownAttribute', { line, value: (row[col('attribute')] ?? '').slice(0, 60) });
    const category = attribute.categories.find((c) => matches(c, row[col('category')] ?? ''));
    if (!category)
      return fail('csvUnknownCategory', { line, value: (row[col('category')] ?? '').slice(0, 60) });
    const text = (row[col('share')] ?? '').replace(/\s*%$/, '').replace(',', '.');
    const value = Number(text);
    if (text === '' || !Number.isFinite(value) || value < 0) return fail('csvShare', { line });
    const list = byAttribute.get(attribute) ?? [];
    if (list.some((x) => x.category === category.id)) return fail('csvDuplicate', { line });
    list.push({ category: category.id, percent: value, line });
    byAttribute.set(attribute, list);
  });
  if (byAttribute.size === 0) fail('required');
  const errors: FieldError[] = [];
  const parsed: { attribute: DemographicAttribute; shares: Record<string, number> }[] = [];
  for (const [attribute, list] of byAttribute) {
    const sum = list.reduce((a, x) => a + x.percent, 0);
    // Proportions (all at most 1, adding up to about 1) or percentages.
    const scale = list.every((x) => x.percent <= 1) && sum <= 1.5 ? 100 : 1;
    const result = parseTargetPopulation(
      {
        source: input.source,
        asOf: input.asOf,
        percents: Object.fromEntries(list.map((x) => [x.category, String(x.percent * scale)])),
        quotas: {},
      },
      attribute,
    );
    if (!result.ok) {
      for (const e of result.errors)
        errors.push(
          e.field === 'source' || e.field === 'asOf'
            ? e
            : {
                field: 'csv',
                code: 'csvAttributeSum',
                params: { attribute: attribute.labelEn, sum: Math.round(sum * scale * 100) / 100 },
              },
        );
    } else parsed.push({ attribute, shares: result.shares });
  }
  if (errors.length > 0)
    throw invalid(
      errors.filter((e, i) => errors.findIndex((x) => x.field === e.field && x.code === e.code) === i),
    );
  // New shares replace the old ones; quotas typed in before are kept.
  const existing = await targetPopulationsOf(db, actor.organizationId, initiative.id);
  for (const p of parsed) {
    await saveTargetPopulation(db, actor.organizationId, initiative.id, {
      attributeId: p.attribute.id,
      shares: p.shares,
      quotas: existing.find((e) => e.attributeId === p.attribute.id)?.quotas ?? {},
      source: input.source,
      asOf: input.asOf,
    });
  }
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'initiative.population.import',
    subjectType: 'initiative',
    subjectId: initiative.id,
    details: { attributes: parsed.map((p) => p.attribute.key) },
  });
  return parsed.length;
}
