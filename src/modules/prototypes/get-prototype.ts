import type { Db } from '../../db/database.js';
import { compareRounds, type RoundSummary } from '../../analysis/prototype-rounds/compare-rounds.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getPublicInitiative } from '../initiatives/public-initiatives.js';
import { latestVersion, loadPrototype } from './prototype-access.js';
import {
  toPrototypeView,
  toVersionView,
  type FeedbackView,
  type PrototypeView,
  type VersionView,
} from './prototype-view.js';
import { findFile, findPrototype, hasFeedback, listFeedback } from './prototypes.repository.js';
import { prototypeRules } from './prototypes.policy.js';

/** One prototype for staff: every version, all feedback, and the rounds compared side by side. */
export async function getPrototype(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  prototypeId: string,
): Promise<{
  initiative: Initiative;
  prototype: PrototypeView;
  feedback: FeedbackView[];
  rounds: RoundSummary[];
  canPublish: boolean;
}> {
  authorize(actor, prototypeRules.view);
  const { initiative, prototype } = await loadPrototype(db, actor, initiativeId, prototypeId);
  const feedback = await listFeedback(
    db,
    actor.organizationId,
    prototype.versions.map((v) => v.id),
  );
  const rounds = compareRounds(
    prototype.versions.map((v) => ({ versionId: v.id, number: v.number, questions: v.questions })),
    feedback,
  );
  return {
    initiative,
    prototype: toPrototypeView(prototype, nowIso()),
    feedback,
    rounds,
    canPublish: can(actor, prototypeRules.publish),
  };
}

/** The key that allows one piece of feedback per participant and round. */
export const participantResponder = (participantId: string) => `p:${participantId}`;

/**
 * A prototype as the public sees it: its newest version (the current round) and the history of
 * version numbers; for a participant, whether they already gave feedback on this round.
 */
export async function getPublicPrototype(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  prototypeId: string,
  participantId: string | undefined,
): Promise<{
  initiative: Initiative;
  title: string;
  prototypeId: string;
  version: VersionView;
  answered: boolean;
}> {
  const initiative = await getPublicInitiative(db, organizationId, initiativeSlug);
  const prototype = await findPrototype(db, organizationId, initiative.id, prototypeId);
  if (!prototype) throw notFound();
  const version = latestVersion(prototype);
  return {
    initiative,
    title: prototype.title,
    prototypeId: prototype.id,
    version: toVersionView(version, nowIso()),
    answered:
      !!participantId &&
      (await hasFeedback(db, organizationId, version.id, participantResponder(participantId))),
  };
}

/** A file of a prototype anyone may see on the public page, or not found. */
export async function getPrototypeFile(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  prototypeId: string,
  fileId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const initiative = await getPublicInitiative(db, organizationId, initiativeSlug);
  const prototype = await findPrototype(db, organizationId, initiative.id, prototypeId);
  const file = prototype ? await findFile(db, organizationId, prototype.id, fileId) : undefined;
  if (!file) throw notFound();
  return {
    fileName: file.file_name,
    contentType: file.content_type,
    bytes: Buffer.from(file.data, 'base64'),
  };
}

/** A file of a prototype for staff, or not found. */
export async function getStaffPrototypeFile(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  prototypeId: string,
  fileId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  authorize(actor, prototypeRules.view);
  const { prototype } = await loadPrototype(db, actor, initiativeId, prototypeId);
  const file = await findFile(db, actor.organizationId, prototype.id, fileId);
  if (!file) throw notFound();
  return {
    fileName: file.file_name,
    contentType: file.content_type,
    bytes: Buffer.from(file.data, 'base64'),
  };
}
