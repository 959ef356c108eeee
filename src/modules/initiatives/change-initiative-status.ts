import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findInitiative, setStatus } from './initiatives.repository.js';
import { initiativeRules } from './initiatives.policy.js';
import type { Initiative, InitiativeStatus } from './initiatives.table.js';
import { missingChecklistItems } from './planning-checklist.js';
import { forgetInitiativeIntake } from './get-initiative-intake.js';

/** The status changes staff can ask for. */
export const statusActions = ['open', 'close', 'archive'] as const;
export type StatusAction = (typeof statusActions)[number];

const transitions: Record<
  StatusAction,
  { from: InitiativeStatus[]; to: InitiativeStatus; stamp: 'opened_at' | 'closed_at' | 'archived_at' }
> = {
  open: { from: ['draft', 'closed'], to: 'open', stamp: 'opened_at' },
  close: { from: ['open'], to: 'closed', stamp: 'closed_at' },
  archive: { from: ['draft', 'closed'], to: 'archived', stamp: 'archived_at' },
};

/**
 * Opens, closes or archives an initiative. Opening requires a complete planning checklist; the
 * error lists what is missing. An open initiative must be closed before it is archived.
 */
export async function changeInitiativeStatus(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
  action: StatusAction,
): Promise<Initiative> {
  authorize(actor, initiativeRules.manage);
  const initiative = await findInitiative(db, actor.organizationId, id);
  if (!initiative) throw notFound();
  const transition = transitions[action];
  if (!transition.from.includes(initiative.status)) {
    throw new AppError('invalid_transition', {
      params: {
        from: [`initiatives:status.${initiative.status}`],
        to: [`initiatives:status.${transition.to}`],
      },
    });
  }
  if (action === 'open') {
    const missing = missingChecklistItems(initiative);
    if (missing.length > 0)
      throw new AppError('checklist_incomplete', {
        params: { missing: missing.map((m) => `initiatives:checklist.${m}`) },
      });
  }
  await setStatus(db, actor.organizationId, id, transition.to, transition.stamp);
  forgetInitiativeIntake(actor.organizationId, id);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: `initiative.${action}`,
    subjectType: 'initiative',
    subjectId: id,
  });
  return (await findInitiative(db, actor.organizationId, id))!;
}
