import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { slugify, validatePlan } from './initiative-input.js';
import { findInitiative, insertInitiative, slugTaken } from './initiatives.repository.js';
import { initiativeRules } from './initiatives.policy.js';
import type { Initiative } from './initiatives.table.js';
import { fieldsOf, writePlanChildren } from './write-plan.js';

async function uniqueSlug(db: Db, organizationId: string, title: string): Promise<string> {
  const base = slugify(title);
  let slug = base;
  for (let n = 2; await slugTaken(db, organizationId, slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Creates an initiative in draft, with its plan. */
export async function createInitiative(
  db: Db,
  actor: StaffActor | undefined,
  raw: unknown,
): Promise<Initiative> {
  authorize(actor, initiativeRules.manage);
  const input = await validatePlan(db, actor.organizationId, raw);
  const slug = await uniqueSlug(db, actor.organizationId, input.title);
  const id = await insertInitiative(db, actor.organizationId, slug, fieldsOf(input));
  await writePlanChildren(db, actor.organizationId, id, input, null);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'initiative.create',
    subjectType: 'initiative',
    subjectId: id,
    details: { title: input.title },
  });
  return (await findInitiative(db, actor.organizationId, id))!;
}
