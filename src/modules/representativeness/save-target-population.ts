import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid, notFound } from '../../platform/errors.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import { representativenessRules } from './representativeness.policy.js';
import { saveTargetPopulation as store } from './representativeness.repository.js';
import { parseTargetPopulation, targetPopulationForm } from './target-population-input.js';

/** Saves one attribute's population margins (and quotas) for an initiative, from the form. */
export async function saveTargetPopulation(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  attributeId: string,
  body: unknown,
): Promise<void> {
  authorize(actor, representativenessRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  const attribute = (await listDemographicAttributes(db, actor.organizationId)).find(
    (a) => a.id === attributeId,
  );
  if (!attribute) throw notFound();
  const parsed = parseTargetPopulation(targetPopulationForm(body, attribute), attribute);
  if (!parsed.ok) throw invalid(parsed.errors);
  const form = targetPopulationForm(body, attribute);
  await store(db, actor.organizationId, initiative.id, {
    attributeId: attribute.id,
    shares: parsed.shares,
    quotas: parsed.quotas,
    source: form.source,
    asOf: form.asOf,
  });
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'initiative.population.save',
    subjectType: 'initiative',
    subjectId: initiative.id,
    details: { attribute: attribute.key },
  });
}
