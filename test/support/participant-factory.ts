import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/db/database.js';
import { newId } from '../../src/platform/clock.js';
import { FormClient } from './http-client.js';

/**
 * Joins an initiative through the real join form, like a browser without JavaScript; the returned
 * client holds the signed participant cookie. `extra` adds form fields (email, followUp …).
 */
export async function joinAsParticipant(
  app: FastifyInstance,
  orgSlug: string,
  initiativeSlug: string,
  extra: Record<string, string> = {},
  client: FormClient = new FormClient(app),
): Promise<FormClient> {
  const page = `/o/${orgSlug}/i/${initiativeSlug}/join`;
  const res = await client.submit(page, page, { consent: 'true', ...extra });
  if (res.statusCode !== 303) throw new Error(`joining ${initiativeSlug} failed with ${res.statusCode}`);
  return client;
}

/** The demographic attributes built for tests, with their category ids by key. */
export interface BuiltDemographics {
  ageBand: { id: string; categories: Record<'under_30' | '30_59' | '60_plus', string> };
  district: { id: string; categories: Record<'north' | 'south', string> };
}

/** Creates an "age band" and a "district" attribute with categories in the organization. */
export async function buildDemographics(db: Db, organizationId: string): Promise<BuiltDemographics> {
  const attribute = async (key: string, labelEn: string, labelDa: string, position: number) => {
    const id = newId();
    await db
      .insertInto('demographic_attributes')
      .values({ id, organization_id: organizationId, key, label_en: labelEn, label_da: labelDa, position })
      .execute();
    return id;
  };
  const category = async (
    attributeId: string,
    key: string,
    labelEn: string,
    labelDa: string,
    position: number,
  ) => {
    const id = newId();
    await db
      .insertInto('demographic_categories')
      .values({
        id,
        organization_id: organizationId,
        attribute_id: attributeId,
        key,
        label_en: labelEn,
        label_da: labelDa,
        position,
      })
      .execute();
    return id;
  };
  const ageBand = await attribute('age_band', 'Age band', 'Aldersgruppe', 1);
  const district = await attribute('district', 'District', 'Bydel', 2);
  return {
    ageBand: {
      id: ageBand,
      categories: {
        under_30: await category(ageBand, 'under_30', 'Under 30', 'Under 30', 1),
        '30_59': await category(ageBand, '30_59', '30 to 59', '30 til 59', 2),
        '60_plus': await category(ageBand, '60_plus', '60 or older', '60 eller ældre', 3),
      },
    },
    district: {
      id: district,
      categories: {
        north: await category(district, 'north', 'North', 'Nord', 1),
        south: await category(district, 'south', 'South', 'Syd', 2),
      },
    },
  };
}
