import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { AppError, invalid, type FieldError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
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

function withoutDefaults<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(withoutDefaults) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const copy: Record<string | symbol, unknown> = {};
  for (const key of Reflect.ownKeys(schema)) {
    if (key === 'default') continue;
    copy[key] = withoutDefaults((schema as Record<string | symbol, unknown>)[key]);
  }
  return copy as T;
}

/** The same fields, all optional and without defaults, so a PATCH changes only what it names. */
export const InitiativePatch = Type.Partial(withoutDefaults(InitiativeInput), {
  additionalProperties: false,
});

function phaseDateErrors(raw: unknown): FieldError[] {
  const phases = (raw as { phases?: unknown } | null)?.phases;
  if (!Array.isArray(phases)) return [];
  const errors: FieldError[] = [];
  phases.forEach((p: unknown, i) => {
    const { startsOn, endsOn } = (p ?? {}) as { startsOn?: unknown; endsOn?: unknown };
    if (
      typeof startsOn === 'string' &&
      typeof endsOn === 'string' &&
      startsOn &&
      endsOn &&
      endsOn < startsOn
    ) {
      errors.push({ field: `phases.${i}.endsOn`, code: 'dateOrder' });
    }
  });
  return errors;
}

async function referenceErrors(
  db: Db,
  organizationId: string,
  input: InitiativeInput,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const wanted = [...new Set(input.departmentIds)];
  const found = await existingDepartmentIds(db, organizationId, wanted);
  if (found.length !== wanted.length) errors.push({ field: 'departmentIds', code: 'unknownId' });
  if (input.responsibleStaffId) {
    const staff = await listStaffOptions(db, organizationId);
    if (!staff.some((s) => s.id === input.responsibleStaffId)) {
      errors.push({ field: 'responsibleStaffId', code: 'unknownId' });
    }
  }
  return errors;
}

/**
 * Validates a whole plan and reports every problem at once: the schema, the order of phase dates,
 * and ids that must belong to the organization.
 */
export async function validatePlan(db: Db, organizationId: string, raw: unknown): Promise<InitiativeInput> {
  let input: InitiativeInput | undefined;
  let errors: FieldError[] = [];
  try {
    input = parseInput(InitiativeInput, raw);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors = [...error.fields];
  }
  errors.push(...phaseDateErrors(raw).filter((d) => !errors.some((e) => e.field === d.field)));
  if (input) errors.push(...(await referenceErrors(db, organizationId, input)));
  if (errors.length > 0 || !input) throw invalid(errors);
  return input;
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
