import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { LinkInput } from './decision-input.js';
import { deleteReview, insertReview, reviewsOfInputs } from './decisions.repository.js';
import { decisionRules } from './decisions.policy.js';
import { inputOfInitiative } from './input-lookup.js';

/** Which input, checked to belong to the initiative (another initiative's or organization's is not found). */
async function reviewTarget(
  db: Db,
  actor: StaffActor,
  initiativeId: string,
  raw: unknown,
): Promise<{ initiativeId: string; inputKind: string; inputId: string }> {
  const initiative = await getInitiative(db, actor, initiativeId);
  const input = parseInput(LinkInput, raw);
  if (!(await inputOfInitiative(db, actor.organizationId, initiative.id, input.inputKind, input.inputId)))
    throw notFound();
  return { initiativeId: initiative.id, inputKind: input.inputKind, inputId: input.inputId };
}

/**
 * Marks an input of the initiative as reviewed (read and considered). Marking it again keeps the first
 * mark, so the date stays when it was first reviewed. Returns when it was reviewed.
 */
export async function markInputReviewed(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<{ inputKind: string; inputId: string; reviewedAt: string }> {
  authorize(actor, decisionRules.manage);
  const target = await reviewTarget(db, actor, initiativeId, raw);
  if (await insertReview(db, actor.organizationId, target, actor.staffId, nowIso()))
    await recordAudit(db, {
      organizationId: actor.organizationId,
      staffId: actor.staffId,
      action: 'input.review',
      subjectType: target.inputKind,
      subjectId: target.inputId,
    });
  const reviewedAt = (await reviewsOfInputs(db, actor.organizationId, target.inputKind, [target.inputId]))[
    target.inputId
  ]!;
  return { inputKind: target.inputKind, inputId: target.inputId, reviewedAt };
}

/** Takes the review mark off an input of the initiative (nothing happens when it had none). */
export async function unmarkInputReviewed(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<void> {
  authorize(actor, decisionRules.manage);
  const target = await reviewTarget(db, actor, initiativeId, raw);
  if (await deleteReview(db, actor.organizationId, target.inputKind, target.inputId))
    await recordAudit(db, {
      organizationId: actor.organizationId,
      staffId: actor.staffId,
      action: 'input.unreview',
      subjectType: target.inputKind,
      subjectId: target.inputId,
    });
}
