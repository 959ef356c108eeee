import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { nowIso } from '../../platform/clock.js';
import { notFound } from '../../platform/errors.js';
import { latestVersion, recordFeedback } from './prototype-access.js';
import { toVersionView, type VersionView } from './prototype-view.js';
import { findFile, hasFeedback, listPrototypeRows } from './prototypes.repository.js';
import { prototypeRules } from './prototypes.policy.js';
import type { Prototype } from './prototypes.table.js';

// How other modules (sprints) let people who are not participants, such as external members of a
// sprint team, see a prototype and give feedback. The caller has checked their access; the
// responder key (e.g. `m:<member id>`) keeps one piece of feedback per person and round.

async function findInOrganization(db: Db, organizationId: string, initiativeId: string, id: string) {
  return (await listPrototypeRows(db, organizationId, initiativeId)).find((p) => p.id === id);
}

/** A prototype's current round for a guest, and whether they already answered it; not found otherwise. */
export async function getPrototypeForGuest(
  db: Db,
  organizationId: string,
  initiativeId: string,
  prototypeId: string,
  responderKey: string,
): Promise<{ title: string; prototypeId: string; version: VersionView; answered: boolean }> {
  const prototype = await findInOrganization(db, organizationId, initiativeId, prototypeId);
  if (!prototype) throw notFound();
  const version = latestVersion(prototype);
  return {
    title: prototype.title,
    prototypeId: prototype.id,
    version: toVersionView(version, nowIso()),
    answered: await hasFeedback(db, organizationId, version.id, responderKey),
  };
}

/** A file of a prototype for a guest, or not found. */
export async function getPrototypeFileForGuest(
  db: Db,
  organizationId: string,
  initiativeId: string,
  prototypeId: string,
  fileId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const prototype = await findInOrganization(db, organizationId, initiativeId, prototypeId);
  const file = prototype ? await findFile(db, organizationId, prototype.id, fileId) : undefined;
  if (!file) throw notFound();
  return {
    fileName: file.file_name,
    contentType: file.content_type,
    bytes: Buffer.from(file.data, 'base64'),
  };
}

/** A guest's structured feedback on the current round: the same checks as a participant's. */
export async function giveGuestFeedback(
  db: Db,
  organizationId: string,
  initiativeId: string,
  prototypeId: string,
  responderKey: string,
  raw: unknown,
): Promise<void> {
  const prototype = await findInOrganization(db, organizationId, initiativeId, prototypeId);
  if (!prototype) throw notFound();
  await recordFeedback(db, organizationId, prototype, { key: responderKey, participantId: null }, raw);
}

/** Titles of an initiative's prototypes by id, for other modules' boards; the actor must see prototypes. */
export async function prototypeTitles(
  db: Db,
  actor: StaffActor | undefined,
  organizationId: string,
  initiativeId: string,
): Promise<Map<string, string>> {
  if (actor) authorize(actor, prototypeRules.view);
  const rows: Prototype[] = await listPrototypeRows(db, organizationId, initiativeId);
  return new Map(rows.map((p) => [p.id, p.title]));
}
