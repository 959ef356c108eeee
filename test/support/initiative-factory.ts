import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';
import type { StaffActor } from '../../src/platform/actor.js';
import { createInitiative } from '../../src/modules/initiatives/create-initiative.js';
import { changeInitiativeStatus } from '../../src/modules/initiatives/change-initiative-status.js';
import type { Initiative } from '../../src/modules/initiatives/initiatives.table.js';

/** A facilitator actor of an organization, for calling use cases directly in tests. */
export function facilitatorActor(organizationId: string, staffId: string): StaffActor {
  return {
    kind: 'staff',
    staffId,
    organizationId,
    role: 'facilitator',
    name: 'Test Facilitator',
    email: 'facilitator@test.example',
    via: 'session',
  };
}

/** A complete plan that passes the planning checklist. */
export function completePlan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Better waiting rooms',
    summary: 'Help us make waiting less stressful.',
    purpose: 'Learn what makes waiting hard for patients and relatives.',
    objectives: ['Map the worst moments', 'Test two improvements'],
    targetGroup: 'Patients and relatives at the outpatient clinic',
    formOfInvolvement: 'informants',
    influenceLevel: 'consult',
    visibility: 'public',
    feedbackPlan: 'We publish what we changed on this page within three months.',
    consentText: 'We store your answers to improve the clinic. You can see and erase your data at any time.',
    phases: [{ name: 'Listening', startsOn: '2026-01-01', endsOn: '2026-02-01' }],
    ...overrides,
  };
}

async function someFacilitator(db: Kysely<Database>, organizationId: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('staff')
    .values({
      id,
      organization_id: organizationId,
      email: `facilitator-${id}@test.example`,
      name: 'Test Facilitator',
      role: 'facilitator',
      department_id: null,
      password_hash: null,
      locale: 'en',
      status: 'active',
      created_at: new Date().toISOString(),
    })
    .execute();
  return id;
}

/**
 * Creates an initiative through the real use cases; `open: true` opens it. Without a `staffId`, a
 * facilitator is created to act (the audit log names a real staff member).
 */
export async function buildInitiative(
  db: Kysely<Database>,
  organizationId: string,
  options: { staffId?: string; open?: boolean; plan?: Record<string, unknown> } = {},
): Promise<Initiative> {
  const actor = facilitatorActor(
    organizationId,
    options.staffId ?? (await someFacilitator(db, organizationId)),
  );
  return db.transaction().execute(async (trx) => {
    const created = await createInitiative(trx, actor, completePlan(options.plan));
    return options.open ? changeInitiativeStatus(trx, actor, created.id, 'open') : created;
  });
}
