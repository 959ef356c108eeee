import type { Db } from '../../db/database.js';
import { newId } from '../../platform/clock.js';
import {
  toInterview,
  type Interview,
  type InterviewPiecesTable,
  type InterviewsTable,
} from './interviews.table.js';

// The only place the interviews capability's SQL lives. Every query is scoped by organization_id;
// pieces are read through their interview, which is scoped the same way.

/** The fields of an interview row that use cases write. */
export type InterviewFields = Pick<
  InterviewsTable,
  | 'method'
  | 'held_on'
  | 'interviewer_id'
  | 'place'
  | 'participant_id'
  | 'transcript_format'
  | 'transcript_source'
>;

/** A piece as use cases hand it over: an existing id keeps its identity, no id means a new piece. */
export interface PieceInput {
  id?: string | undefined;
  heading?: string;
  speaker?: string;
  startsMs?: number | null;
  endsMs?: number | null;
  body: string;
}

/** An interview with how many pieces of each kind it holds (for lists). */
export interface InterviewRowWithCounts {
  row: InterviewsTable;
  notes: number;
  quotes: number;
  segments: number;
}

/** Stores a new interview row. */
export async function insertInterview(
  db: Db,
  organizationId: string,
  initiativeId: string,
  fields: InterviewFields,
  meta: { createdBy: string; now: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('interviews')
    .values({
      id,
      organization_id: organizationId,
      initiative_id: initiativeId,
      ...fields,
      created_by: meta.createdBy,
      created_at: meta.now,
      updated_at: meta.now,
    })
    .execute();
  return id;
}

/** Changes an interview row. */
export async function updateInterviewRow(
  db: Db,
  organizationId: string,
  id: string,
  fields: InterviewFields,
  now: string,
): Promise<void> {
  await db
    .updateTable('interviews')
    .set({ ...fields, updated_at: now })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** One interview of an initiative, with its pieces; another organization's or initiative's is undefined. */
export async function findInterview(
  db: Db,
  organizationId: string,
  initiativeId: string,
  id: string,
): Promise<Interview | undefined> {
  const row = await db
    .selectFrom('interviews')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const pieces = await db
    .selectFrom('interview_pieces')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('interview_id', '=', id)
    .orderBy('kind')
    .orderBy('position')
    .execute();
  return toInterview(row, pieces);
}

/** An initiative's interviews, newest first, with piece counts. */
export async function listInterviewRows(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<InterviewRowWithCounts[]> {
  const rows = await db
    .selectFrom('interviews')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('initiative_id', '=', initiativeId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const counts = await db
    .selectFrom('interview_pieces')
    .innerJoin('interviews', 'interviews.id', 'interview_pieces.interview_id')
    .select(['interview_pieces.interview_id', 'interview_pieces.kind'])
    .select((eb) => eb.fn.countAll().as('n'))
    .where('interviews.organization_id', '=', organizationId)
    .where('interviews.initiative_id', '=', initiativeId)
    .groupBy(['interview_pieces.interview_id', 'interview_pieces.kind'])
    .execute();
  const count = (id: string, kind: string) =>
    Number(counts.find((c) => c.interview_id === id && c.kind === kind)?.n ?? 0);
  return rows.map((row) => ({
    row,
    notes: count(row.id, 'note'),
    quotes: count(row.id, 'quote'),
    segments: count(row.id, 'segment'),
  }));
}

/** The ids of an interview's pieces of one kind. */
export async function pieceIds(db: Db, organizationId: string, interviewId: string, kind: string) {
  const rows = await db
    .selectFrom('interview_pieces')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('interview_id', '=', interviewId)
    .where('kind', '=', kind)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Makes an interview's pieces of one kind exactly `pieces`, in that order: pieces with a known id
 * are updated in place (their id, and whatever refers to it, survives), new ones are inserted and
 * the rest are deleted. Callers check ids belong to the interview first.
 */
export async function replacePieces(
  db: Db,
  organizationId: string,
  interviewId: string,
  kind: 'note' | 'quote' | 'segment',
  pieces: PieceInput[],
): Promise<void> {
  const existing = await pieceIds(db, organizationId, interviewId, kind);
  const kept = new Set(pieces.map((p) => p.id).filter((id): id is string => !!id && existing.has(id)));
  const removed = [...existing].filter((id) => !kept.has(id));
  for (let i = 0; i < removed.length; i += 500) {
    await db
      .deleteFrom('interview_pieces')
      .where('organization_id', '=', organizationId)
      .where('interview_id', '=', interviewId)
      .where('id', 'in', removed.slice(i, i + 500))
      .execute();
  }
  const inserts: InterviewPiecesTable[] = [];
  for (const [position, p] of pieces.entries()) {
    const values = {
      position,
      heading: p.heading ?? '',
      speaker: p.speaker ?? '',
      starts_ms: p.startsMs ?? null,
      ends_ms: p.endsMs ?? null,
      body: p.body,
    };
    if (p.id && kept.has(p.id)) {
      await db
        .updateTable('interview_pieces')
        .set(values)
        .where('organization_id', '=', organizationId)
        .where('interview_id', '=', interviewId)
        .where('id', '=', p.id)
        .execute();
    } else {
      inserts.push({
        id: newId(),
        organization_id: organizationId,
        interview_id: interviewId,
        kind,
        ...values,
      });
    }
  }
  // Batches stay well under both engines' limits on bound parameters.
  for (let i = 0; i < inserts.length; i += 500) {
    await db
      .insertInto('interview_pieces')
      .values(inserts.slice(i, i + 500))
      .execute();
  }
}

/** Deletes an interview (its pieces go with it). */
export async function deleteInterviewRow(db: Db, organizationId: string, id: string): Promise<void> {
  await db
    .deleteFrom('interview_pieces')
    .where('organization_id', '=', organizationId)
    .where('interview_id', '=', id)
    .execute();
  await db
    .deleteFrom('interviews')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/** Every piece of an initiative's interviews with its interview row, in reading order. */
export async function listPiecesOfInitiative(db: Db, organizationId: string, initiativeId: string) {
  return db
    .selectFrom('interview_pieces')
    .innerJoin('interviews', 'interviews.id', 'interview_pieces.interview_id')
    .select([
      'interview_pieces.id',
      'interview_pieces.kind',
      'interview_pieces.position',
      'interview_pieces.heading',
      'interview_pieces.speaker',
      'interview_pieces.starts_ms',
      'interview_pieces.ends_ms',
      'interview_pieces.body',
      'interviews.id as interview_id',
      'interviews.method',
      'interviews.held_on',
      'interviews.participant_id',
    ])
    .where('interviews.organization_id', '=', organizationId)
    .where('interviews.initiative_id', '=', initiativeId)
    .orderBy('interviews.held_on')
    .orderBy('interviews.created_at')
    .orderBy('interviews.id')
    .orderBy('interview_pieces.kind')
    .orderBy('interview_pieces.position')
    .execute();
}

/** The interviews a participant is linked to in an organization, with their pieces. */
export async function listInterviewsOfParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<Interview[]> {
  const rows = await db
    .selectFrom('interviews')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .orderBy('held_on')
    .orderBy('created_at')
    .execute();
  const out: Interview[] = [];
  for (const row of rows) {
    const pieces = await db
      .selectFrom('interview_pieces')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('interview_id', '=', row.id)
      .orderBy('kind')
      .orderBy('position')
      .execute();
    out.push(toInterview(row, pieces));
  }
  return out;
}

/** Unlinks a participant from every interview in the organization; returns how many were unlinked. */
export async function unlinkParticipant(
  db: Db,
  organizationId: string,
  participantId: string,
): Promise<number> {
  const result = await db
    .updateTable('interviews')
    .set({ participant_id: null })
    .where('organization_id', '=', organizationId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
