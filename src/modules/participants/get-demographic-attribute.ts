import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { listAttributes } from './demographics.repository.js';
import { participantRules } from './participants.policy.js';
import type { DemographicAttribute } from './participants.table.js';

/** The organization's attributes for the admin page. */
export async function listDemographicDefinitions(
  db: Db,
  actor: StaffActor | undefined,
): Promise<DemographicAttribute[]> {
  authorize(actor, participantRules.manageDemographics);
  return listAttributes(db, actor.organizationId);
}

/** One attribute with its categories for the admin page; another organization's is not found. */
export async function getDemographicAttribute(
  db: Db,
  actor: StaffActor | undefined,
  attributeId: string,
): Promise<DemographicAttribute> {
  const attribute = (await listDemographicDefinitions(db, actor)).find((a) => a.id === attributeId);
  if (!attribute) throw notFound();
  return attribute;
}
