import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getPublicInitiative } from '../initiatives/public-initiatives.js';
import { toPrototypeView, type PrototypeView } from './prototype-view.js';
import { listPrototypeRows } from './prototypes.repository.js';
import { prototypeRules } from './prototypes.policy.js';

/** An initiative's prototypes for staff, newest first. */
export async function listPrototypes(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{ initiative: Initiative; prototypes: PrototypeView[]; canPublish: boolean }> {
  authorize(actor, prototypeRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const now = nowIso();
  const rows = await listPrototypeRows(db, actor.organizationId, initiative.id);
  return {
    initiative,
    prototypes: rows.map((p) => toPrototypeView(p, now)),
    canPublish: can(actor, prototypeRules.publish),
  };
}

/** An initiative's prototypes as the public sees them (open and closed rounds alike). */
export async function listPublicPrototypes(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
): Promise<{ initiative: Initiative; prototypes: PrototypeView[] }> {
  const initiative = await getPublicInitiative(db, organizationId, initiativeSlug);
  const now = nowIso();
  const rows = await listPrototypeRows(db, organizationId, initiative.id);
  return { initiative, prototypes: rows.map((p) => toPrototypeView(p, now)) };
}
