import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { latestPerParticipant, type InputItem, type InputSource } from '../decisions/input-source.js';
import type { IdeasTable } from './ideas.table.js';

// Ideas as input that decisions are traced to. Comments and supports are activity, not input.

function toItem(
  r: Pick<
    IdeasTable,
    'id' | 'initiative_id' | 'participant_id' | 'created_at' | 'title' | 'description' | 'problem'
  >,
): InputItem {
  return {
    kind: 'idea',
    id: r.id,
    initiativeId: r.initiative_id,
    participantId: r.participant_id,
    createdAt: r.created_at,
    label: r.title,
    text: [r.description, r.problem].filter((t) => t.trim() !== '').join('\n\n'),
    href: `/staff/initiatives/${r.initiative_id}/ideas/${r.id}`,
  };
}

const columns = [
  'id',
  'initiative_id',
  'participant_id',
  'created_at',
  'title',
  'description',
  'problem',
] as const;

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(query: string): string {
  return `%${query.toLocaleLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The idea board's ideas (merged duplicates left out: their supporters moved to the kept idea). */
export const ideaInputSource: InputSource = {
  kind: 'idea',
  async search(db: Db, organizationId, initiativeId, query, limit) {
    let q = db
      .selectFrom('ideas')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId)
      .where('merged_into_id', 'is', null);
    if (query.trim() !== '') {
      const pattern = likePattern(query.trim());
      // SQLite's LIKE has no escape character unless one is named.
      q = q.where(
        sql<boolean>`(lower(title) like ${pattern} escape '\\' or lower(description) like ${pattern} escape '\\' or lower(problem) like ${pattern} escape '\\')`,
      );
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(toItem);
  },
  async byIds(db, organizationId, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('ideas')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toItem);
  },
  async census(db, organizationId, initiativeId) {
    const rows = await db
      .selectFrom('ideas')
      .select(['participant_id'])
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId)
      .where('merged_into_id', 'is', null)
      .execute();
    const contributors = new Set(rows.flatMap((r) => (r.participant_id ? [r.participant_id] : [])));
    return { inputs: rows.length, contributors: [...contributors] };
  },
  async ofParticipant(db, organizationId, participantId) {
    const rows = await db
      .selectFrom('ideas')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where('participant_id', '=', participantId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toItem);
  },
  async lastActivity(db, organizationId) {
    // Posting, commenting and supporting are all taking part.
    const rows = await db
      .selectFrom('ideas')
      .select(['participant_id', (eb) => eb.fn.max('created_at').as('at')])
      .where('organization_id', '=', organizationId)
      .where('participant_id', 'is not', null)
      .groupBy('participant_id')
      .unionAll(
        db
          .selectFrom('idea_comments')
          .select(['participant_id', (eb) => eb.fn.max('created_at').as('at')])
          .where('organization_id', '=', organizationId)
          .where('participant_id', 'is not', null)
          .groupBy('participant_id'),
      )
      .unionAll(
        db
          .selectFrom('idea_supports')
          .select(['participant_id', (eb) => eb.fn.max('created_at').as('at')])
          .where('organization_id', '=', organizationId)
          .where('participant_id', 'is not', null)
          .groupBy('participant_id'),
      )
      .execute();
    return latestPerParticipant(rows);
  },
};
