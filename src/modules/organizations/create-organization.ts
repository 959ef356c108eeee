import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { findOrganizationBySlug, insertOrganization, type Organization } from './organizations.repository.js';

/** Input for a new organization. */
export const CreateOrganizationInput = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  defaultLocale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('da')])),
});

/** Creates an organization (the CLI and the demo seed use this). */
export async function createOrganization(db: Db, raw: unknown): Promise<Organization> {
  const input = parseInput(CreateOrganizationInput, raw);
  if (await findOrganizationBySlug(db, input.slug)) {
    throw new AppError('validation_failed', { fields: [{ field: 'slug', code: 'taken' }] });
  }
  return insertOrganization(db, input);
}
