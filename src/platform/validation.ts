import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value, ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { invalid, type FieldError } from './errors.js';

// TypeBox is the one way input is described: the same schema validates HTML forms and API bodies
// and documents the API in OpenAPI. Errors become field errors with message keys for the catalogues.

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
if (!FormatRegistry.Has('email')) FormatRegistry.Set('email', (v) => v.length <= 254 && EMAIL.test(v));
if (!FormatRegistry.Has('date')) {
  FormatRegistry.Set('date', (v) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
  });
}

function fieldOf(error: ValueError): string {
  const parts = error.path.split('/').filter(Boolean);
  if (error.type === ValueErrorType.ObjectRequiredProperty) return parts.join('.');
  return parts.join('.') || '_';
}

function toFieldError(error: ValueError): FieldError {
  const field = fieldOf(error);
  const s = error.schema as Record<string, unknown>;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { field, code: 'required' };
    case ValueErrorType.StringMinLength:
      return s.minLength === 1
        ? { field, code: 'required' }
        : { field, code: 'tooShort', params: { min: Number(s.minLength) } };
    case ValueErrorType.StringMaxLength:
      return { field, code: 'tooLong', params: { max: Number(s.maxLength) } };
    case ValueErrorType.StringFormat:
    case ValueErrorType.StringPattern:
      return {
        field,
        code:
          typeof s.errorCode === 'string'
            ? s.errorCode
            : `invalidFormat_${typeof s.format === 'string' ? s.format : 'pattern'}`,
      };
    case ValueErrorType.Union:
    case ValueErrorType.Literal:
      return { field, code: 'invalidChoice' };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMinimum:
    case ValueErrorType.IntegerMaximum:
      return {
        field,
        code: 'outOfRange',
        params: { min: Number(s.minimum ?? -Infinity), max: Number(s.maximum ?? Infinity) },
      };
    case ValueErrorType.ArrayMaxItems:
      return { field, code: 'tooMany', params: { max: Number(s.maxItems) } };
    case ValueErrorType.ArrayMinItems:
      return { field, code: 'required' };
    case ValueErrorType.ObjectAdditionalProperties:
      return { field, code: 'unknownField' };
    default:
      return { field, code: 'invalidType' };
  }
}

/** The field errors of `value` against `schema`, at most one per field. */
export function fieldErrors(schema: TSchema, value: unknown): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of Value.Errors(schema, value)) {
    const fe = toFieldError(error);
    // A failed union reports each branch too; the first message per field is the useful one.
    if (seen.has(fe.field)) continue;
    seen.add(fe.field);
    out.push(fe);
  }
  return out;
}

function trimStrings(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimStrings);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, trimStrings(v)]),
    );
  }
  return value;
}

// NUL cannot be stored in PostgreSQL text and has no business in any field; other C0 controls
// except tab, line feed and carriage return are refused too, so both engines store the same.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Whether text holds control characters no field accepts (NUL and other C0 controls but tab and newlines). */
export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN_CHARACTERS.test(text);
}

function controlCharacterErrors(value: unknown, path: string[] = []): FieldError[] {
  if (typeof value === 'string') {
    return FORBIDDEN_CHARACTERS.test(value)
      ? [{ field: path.join('.') || '_', code: 'invalidCharacters' }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => controlCharacterErrors(v, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      controlCharacterErrors(v, [...path, k]),
    );
  }
  return [];
}

const compiledChecks = new WeakMap<TSchema, TypeCheck<TSchema>>();

/** The schema compiled to a checking function, once (schemas are module constants). */
function compiledCheck(schema: TSchema): TypeCheck<TSchema> {
  let check = compiledChecks.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiledChecks.set(schema, check);
  }
  return check;
}

/**
 * Validates untrusted input: trims strings, converts form text to numbers and booleans where the
 * schema asks, applies defaults, and throws a `validation_failed` AppError listing every bad field.
 */
export function parseInput<T extends TSchema>(schema: T, raw: unknown): Static<T> {
  let value = trimStrings(raw ?? {});
  value = Value.Convert(schema, value);
  value = Value.Default(schema, value);
  const errors = controlCharacterErrors(value);
  // Valid input (the common case) is confirmed by the compiled check; only invalid input pays for
  // the interpretive walk that names every bad field.
  if (errors.length === 0 && compiledCheck(schema).Check(value)) return Value.Clean(schema, value);
  for (const e of fieldErrors(schema, value)) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  if (errors.length > 0) throw invalid(errors);
  return Value.Clean(schema, value);
}

/**
 * Turns an HTML form body into an input object: empty optional fields become absent, and
 * `name[]` keys become arrays, so the same schema serves forms and JSON.
 */
export function formToInput(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [rawKey, rawValue] of Object.entries(body as Record<string, unknown>)) {
    if (rawKey === '_csrf') continue;
    const isList = rawKey.endsWith('[]');
    const key = isList ? rawKey.slice(0, -2) : rawKey;
    if (isList) {
      const list = (Array.isArray(rawValue) ? rawValue : [rawValue]).filter(
        (v) => typeof v === 'string' && v.trim() !== '',
      );
      out[key] = list;
    } else if (typeof rawValue === 'string' && rawValue.trim() === '') {
      continue;
    } else {
      out[key] = rawValue;
    }
  }
  return out;
}
