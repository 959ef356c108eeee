import type { Db } from '../../db/database.js';
import type { InitiativeInput } from './initiative-input.js';
import type { ConsentText } from './initiatives.table.js';
import {
  insertConsentVersion,
  replaceDepartments,
  replacePhases,
  type InitiativeFields,
} from './initiatives.repository.js';

/** The stored fields of an input. */
export function fieldsOf(input: InitiativeInput): InitiativeFields {
  return {
    title: input.title,
    summary: input.summary,
    purpose: input.purpose,
    objectives: input.objectives,
    targetGroup: input.targetGroup,
    formOfInvolvement: input.formOfInvolvement,
    influenceLevel: input.influenceLevel,
    visibility: input.visibility,
    feedbackPlan: input.feedbackPlan,
    responsibleStaffId: input.responsibleStaffId ?? null,
  };
}

/** Writes the children of a plan: phases, departments and, when its text changed, a new consent version. */
export async function writePlanChildren(
  db: Db,
  organizationId: string,
  initiativeId: string,
  input: InitiativeInput,
  currentConsent: ConsentText | null,
): Promise<void> {
  await replacePhases(
    db,
    organizationId,
    initiativeId,
    input.phases.map((p) => ({ name: p.name, startsOn: p.startsOn ?? null, endsOn: p.endsOn ?? null })),
  );
  await replaceDepartments(db, organizationId, initiativeId, [...new Set(input.departmentIds)]);
  const body = input.consentText.trim();
  if (body !== '' && body !== currentConsent?.body) {
    await insertConsentVersion(db, organizationId, initiativeId, (currentConsent?.version ?? 0) + 1, body);
  }
}
