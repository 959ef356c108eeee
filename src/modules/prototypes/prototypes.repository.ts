import type { Db } from '../../db/database.js';
import { newId } from '../../platform/clock.js';
import {
  toFeedback,
  toVersion,
  type Feedback,
  type Prototype,
  type PrototypesTable,
  type Question,
} from './prototypes.table.js';

// The only place the prototypes capability's SQL lives. Every query is scoped by organization_id.

/** A file to store with a version. */
export interface NewFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** Stores a new prototype and returns its id. */
export async function insertPrototype(
  db: Db,
  organizationId: string,
  initiativeId: string,
  title: string,
  meta: { createdBy: string; now: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('prototypes')
    .values({
      id,
      organization_id: organizationId,
      initiative_id: initiativeId,
      title,
      created_by: meta.createdBy,
      created_at: meta.now,
    })
    .execute();
  return id;
}

/** Stores the next version of a prototype with its files; returns its id. */
export async function insertVersion(
  db: Db,
  organizationId: string,
  prototypeId: string,
  version: { number: number; body: string; questions: Question[]; closesAt: string; files: NewFile[] },
  meta: { createdBy: string; now: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('prototype_versions')
    .values({
      id,
      organization_id: organizationId,
      prototype_id: prototypeId,
      number: version.number,
      body: version.body,
      questions: JSON.stringify(version.questions),
      closes_at: version.closesAt,
      created_by: meta.createdBy,
      created_at: meta.now,
    })
    .execute();
  for (const [position, f] of version.files.entries()) {
    await db
      .insertInto('prototype_files')
      .values({
        id: newId(),
        organization_id: organizationId,
        version_id: id,
        position,
        file_name: f.fileName,
        content_type: f.contentType,
        size: f.bytes.length,
        data: f.bytes.toString('base64'),
      })
      .execute();
  }
  return id;
}

async function assemble(db: Db, organizationId: string, rows: PrototypesTable[]): Promise<Prototype[]> {
  const out: Prototype[] = [];
  for (const row of rows) {
    const versions = await db
      .selectFrom('prototype_versions')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('prototype_id', '=', row.id)
      .orderBy('number')
      .execute();
    const files =
      versions.length === 0
        ? []
        : await db
            .selectFrom('prototype_files')
            .select(['id', 'version_id', 'file_name', 'content_type', 'size', 'position'])
            .where('organization_id', '=', organizationId)
            .where(
              'version_id',
              'in',
              versions.map((v) => v.id),
            )
            .orderBy('position')
            .execute();
    out.push({
      id: row.id,
      organizationId: row.organization_id,
      initiativeId: row.initiative_id,
      title: row.title,
      createdAt: row.created_at,
      versions: versions.map((v) =>
        toVersion(
          v,
          files
            .filter((f) => f.version_id === v.id)
            .map((f) => ({
              id: f.id,
              fileName: f.file_name,
              contentType: f.content_type,
              size: Number(f.size),
            })),
        ),
      ),
    });
  }
  return out;
}

/** One prototype of an initiative with its versions, or undefined. */
export async function findPrototype(
  db: Db,
  organizationId: string,
  initiativeId: string,
  id: string,
): Promise<Prototype | undefined> {
  const row = await db
    .selectFrom('prototypes')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? (await assemble(db, organizationId, [row]))[0] : undefined;
}

/** An initiative's prototypes, newest first, with their versions. */
export async function listPrototypeRows(db: Db, organizationId: string, initiativeId: string) {
  const rows = await db
    .selectFrom('prototypes')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return assemble(db, organizationId, rows);
}

/** A file of a prototype's version, with its bytes, or undefined. */
export async function findFile(db: Db, organizationId: string, prototypeId: string, fileId: string) {
  return db
    .selectFrom('prototype_files')
    .innerJoin('prototype_versions', 'prototype_versions.id', 'prototype_files.version_id')
    .select(['prototype_files.file_name', 'prototype_files.content_type', 'prototype_files.data'])
    .where('prototype_files.organization_id', '=', organizationId)
    .where('prototype_versions.prototype_id', '=', prototypeId)
    .where('prototype_files.id', '=', fileId)
    .executeTakeFirst();
}

/** Stores feedback unless this responder already gave some on the version; returns whether it was stored. */
export async function insertFeedback(
  db: Db,
  organizationId: string,
  versionId: string,
  responder: { key: string; participantId: string | null },
  feedback: Omit<Feedback, 'id' | 'versionId' | 'createdAt'>,
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('prototype_feedback')
    .values({
      id: newId(),
      organization_id: organizationId,
      version_id: versionId,
      responder: responder.key,
      participant_id: responder.participantId,
      works: feedback.works,
      does_not_work: feedback.doesNotWork,
      missing: feedback.missing,
      rating: feedback.rating,
      answers: JSON.stringify(feedback.answers),
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['version_id', 'responder']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Whether this responder already gave feedback on the version. */
export async function hasFeedback(db: Db, organizationId: string, versionId: string, responderKey: string) {
  const row = await db
    .selectFrom('prototype_feedback')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('version_id', '=', versionId)
    .where('responder', '=', responderKey)
    .executeTakeFirst();
  return !!row;
}

/** The feedback on some versions, oldest first. */
export async function listFeedback(
  db: Db,
  organizationId: string,
  versionIds: string[],
): Promise<Feedback[]> {
  if (versionIds.length === 0) return [];
  const rows = await db
    .selectFrom('prototype_feedback')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('version_id', 'in', versionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toFeedback);
}

/** A participant's feedback in an organization, with what it was about. */
export async function listFeedbackOfParticipant(db: Db, organizationId: string, participantId: string) {
  return db
    .selectFrom('prototype_feedback')
    .innerJoin('prototype_versions', 'prototype_versions.id', 'prototype_feedback.version_id')
    .innerJoin('prototypes', 'prototypes.id', 'prototype_versions.prototype_id')
    .selectAll('prototype_feedback')
    .select(['prototypes.title as prototype_title', 'prototype_versions.number as version_number'])
    .where('prototype_feedback.organization_id', '=', organizationId)
    .where('prototype_feedback.participant_id', '=', participantId)
    .orderBy('prototype_feedback.created_at')
    .execute();
}

/** Unlinks a participant from their feedback (it stays as anonymous input); returns how many rows. */
export async function unlinkFeedback(db: Db, organizationId: string, participantId: string): Promise<number> {
  const rows = await db
    .selectFrom('prototype_feedback')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .execute();
  for (const r of rows)
    await db
      .updateTable('prototype_feedback')
      .set({ participant_id: null, responder: `x:${r.id}` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', r.id)
      .execute();
  return rows.length;
}
