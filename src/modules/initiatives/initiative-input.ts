import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { invalid, type FieldError } from '../../platform/errors.js';
import { formsOfInvolvement, influenceLevels, visibilities } from './initiatives.table.js';
import { existingDepartmentIds, listStaffOptions } from './initiatives.repository.js';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));
const optionalDate = Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()]));

/** A phase as entered. */
export const PhaseInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), startsOn: optionalDate, endsOn: optionalDate },
  { additionalProperties: false },
);

/** Everything planned about an initiative, as entered in the form or sent to the API. */
export const InitiativeInput = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    summary: Type.String({ maxLength: 500, default: '' }),
    purpose: Type.String({ maxLength: 5000, default: '' }),
    objectives: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 20, default: [] }),
    targetGroup: Type.String({ maxLength: 2000, default: '' }),
    formOfInvolvement: literals(formsOfInvolvement),
    influenceLevel: literals(influenceLevels),
    visibility: Type.Union([...visibilities.map((v) => Type.Literal(v))], { default: 'public' }),
    feedbackPlan: Type.String({ maxLength: 5000, default: '' }),
    consentText: Type.String({ maxLength: 10000, default: '' }),
    responsibleStaffId: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
    departmentIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50, default: [] }),
    phases: Type.Array(PhaseInput, { maxItems: 20, default: [] }),
  },
  { additionalProperties: false },
);
export type InitiativeInput = Static<typeof InitiativeInput>;

/** The same fields, all optional (API PATCH). */
export const InitiativePatch = Type.Partial(InitiativeInput, { additionalProperties: false });

/** Rules that need more than the schema: date order and ids that must belong to the organization. */
export async function checkInitiativeReferences(
  db: Db,
  organizationId: string,
  input: InitiativeInput,
): Promise<void> {
  const errors: FieldError[] = [];
  input.phases.forEach((p, i) => {
    if (p.startsOn && p.endsOn && p.endsOn < p.startsOn)
      errors.push({ field: `phases.${i}.endsOn`, code: 'dateOrder' });
  });
  const wanted = [...new Set(input.departmentIds)];
  const found = await existingDepartmentIds(db, organizationId, wanted);
  if (found.length !== wanted.length) errors.push({ field: 'departmentIds', code: 'unknownId' });
  if (input.responsibleStaffId) {
    const staff = await listStaffOptions(db, organizationId);
    if (!staff.some((s) => s.id === input.responsibleStaffId))
      errors.push({ field: 'responsibleStaffId', code: 'unknownId' });
  }
  if (errors.length > 0) throw invalid(errors);
}

/** A URL-friendly slug from a title (Danish letters spelled out). */
export function slugify(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return base || 'initiative';
}
