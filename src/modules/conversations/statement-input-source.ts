import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../platform/search-pattern.js';
import { latestPerParticipant, type InputItem, type InputSource } from '../decisions/input-source.js';

// Conversation statements as input that decisions are traced to: one input per published statement
// (approved, in a conversation that left draft); statements waiting for moderation or hidden by it
// are not input. The contributor is the author (null for staff seeds, imports and after erasure).
// Voting is taking part too, so it counts as activity though a vote is not an input of its own.

interface Row {
  id: string;
  conversation_id: string;
  author_participant_id: string | null;
  created_at: string;
  body: string;
  initiative_id: string;
}

function toItem(r: Row): InputItem {
  return {
    kind: 'conversation_statement',
    id: r.id,
    initiativeId: r.initiative_id,
    participantId: r.author_participant_id,
    createdAt: r.created_at,
    label: r.body,
    text: r.body,
    href: `/staff/initiatives/${r.initiative_id}/conversations/${r.conversation_id}`,
  };
}

/** Published statements of the organization with their conversation's initiative. */
function published(db: Db, organizationId: string) {
  return db
    .selectFrom('conversation_statements as s')
    .innerJoin('conversations as c', (j) =>
      j.onRef('c.id', '=', 's.conversation_id').onRef('c.organization_id', '=', 's.organization_id'),
    )
    .select([
      's.id',
      's.conversation_id',
      's.author_participant_id',
      's.created_at',
      's.body',
      'c.initiative_id',
    ])
    .where('s.organization_id', '=', organizationId)
    .where('s.status', '=', 'approved')
    .where('c.status', '!=', 'draft');
}

/** One input per published statement of a conversation. */
export const statementInputSource: InputSource = {
  kind: 'conversation_statement',
  async search(db, organizationId, initiativeId, query, limit) {
    let q = published(db, organizationId).where('c.initiative_id', '=', initiativeId);
    if (query.trim() !== '')
      q = q.where(sql<boolean>`lower(s.body) like ${containsPattern(query)} escape '\\'`);
    const rows = await q.orderBy('s.created_at', 'desc').orderBy('s.id').limit(limit).execute();
    return rows.map(toItem);
  },
  async byIds(db, organizationId, ids) {
    if (ids.length === 0) return [];
    const rows = await published(db, organizationId)
      .where('s.id', 'in', [...ids])
      .execute();
    return rows.map(toItem);
  },
  async census(db, organizationId, initiativeId) {
    const base = published(db, organizationId).clearSelect().where('c.initiative_id', '=', initiativeId);
    const [{ n }, contributors] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base
        .select('s.author_participant_id')
        .distinct()
        .where('s.author_participant_id', 'is not', null)
        .execute(),
    ]);
    return { inputs: Number(n), contributors: contributors.map((c) => c.author_participant_id!) };
  },
  async ofParticipant(db, organizationId, participantId) {
    const rows = await published(db, organizationId)
      .where('s.author_participant_id', '=', participantId)
      .orderBy('s.created_at')
      .orderBy('s.id')
      .execute();
    return rows.map(toItem);
  },
  async lastActivity(db, organizationId) {
    // Writing a statement (published or not) and voting are both taking part.
    const rows = await db
      .selectFrom('conversation_statements')
      .select(['author_participant_id as participant_id', (eb) => eb.fn.max('created_at').as('at')])
      .where('organization_id', '=', organizationId)
      .where('author_participant_id', 'is not', null)
      .groupBy('author_participant_id')
      .unionAll(
        db
          .selectFrom('conversation_votes')
          .select(['participant_id', (eb) => eb.fn.max('voted_at').as('at')])
          .where('organization_id', '=', organizationId)
          .where('participant_id', 'is not', null)
          .groupBy('participant_id'),
      )
      .execute();
    return latestPerParticipant(rows);
  },
};
