import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../platform/search-pattern.js';
import type { InputItem, InputSource } from '../decisions/input-source.js';
import type { InterviewsTable } from './interviews.table.js';

// Interviews, observations, focus groups and workshop notes as input that decisions are traced to:
// one input per record. Its quotable text is its key quotes (what people said in their own words),
// else its notes. A participant is only ever linked to an interview with their consent (see
// interview-input.ts), so `participant_id` is the contributor as recorded.

type Row = Pick<
  InterviewsTable,
  'id' | 'initiative_id' | 'participant_id' | 'created_at' | 'held_on' | 'place'
>;
const columns = ['id', 'initiative_id', 'participant_id', 'created_at', 'held_on', 'place'] as const;

/** The rows as items, with their quotes (else notes) read in one query. */
async function toItems(db: Db, organizationId: string, rows: Row[]): Promise<InputItem[]> {
  if (rows.length === 0) return [];
  const pieces = await db
    .selectFrom('interview_pieces')
    .select(['interview_id', 'kind', 'heading', 'body'])
    .where('organization_id', '=', organizationId)
    .where(
      'interview_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('kind', 'in', ['quote', 'note'])
    .orderBy('position')
    .execute();
  return rows.map((r) => {
    const own = pieces.filter((p) => p.interview_id === r.id && p.body.trim() !== '');
    const quotes = own.filter((p) => p.kind === 'quote').map((p) => p.body);
    const notes = own
      .filter((p) => p.kind === 'note')
      .map((p) => (p.heading.trim() !== '' ? `${p.heading}: ${p.body}` : p.body));
    return {
      kind: 'interview',
      id: r.id,
      initiativeId: r.initiative_id,
      participantId: r.participant_id,
      createdAt: r.created_at,
      // Language-neutral: the day and the place it took place.
      label: [r.held_on, r.place].filter((t) => t.trim() !== '').join(' · '),
      text: (quotes.length > 0 ? quotes : notes).join('\n\n'),
      href: `/staff/initiatives/${r.initiative_id}/interviews/${r.id}`,
    };
  });
}

/** One input per interview, observation, focus group or workshop note. */
export const interviewInputSource: InputSource = {
  kind: 'interview',
  async search(db, organizationId, initiativeId, query, limit) {
    let q = db
      .selectFrom('interviews as i')
      .select(columns.map((c) => `i.${c}` as const))
      .where('i.organization_id', '=', organizationId)
      .where('i.initiative_id', '=', initiativeId);
    if (query.trim() !== '') {
      const pattern = containsPattern(query);
      // The label (day and place), the quotes and the notes (headings too) are searched.
      q = q.where(
        sql<boolean>`(lower(i.place) like ${pattern} escape '\\' or i.held_on like ${pattern} escape '\\' or exists (
          select 1 from interview_pieces p
          where p.organization_id = i.organization_id and p.interview_id = i.id and p.kind in ('quote', 'note')
            and (lower(p.body) like ${pattern} escape '\\' or lower(p.heading) like ${pattern} escape '\\')))`,
      );
    }
    const rows = await q.orderBy('i.created_at', 'desc').orderBy('i.id').limit(limit).execute();
    return toItems(db, organizationId, rows);
  },
  async byIds(db, organizationId, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('interviews')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where('id', 'in', [...ids])
      .execute();
    return toItems(db, organizationId, rows);
  },
  async census(db, organizationId, initiativeId) {
    const base = db
      .selectFrom('interviews')
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId);
    const [{ n }, contributors] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base.select('participant_id').distinct().where('participant_id', 'is not', null).execute(),
    ]);
    return { inputs: Number(n), contributors: contributors.map((c) => c.participant_id!) };
  },
  async ofParticipant(db, organizationId, participantId) {
    const rows = await db
      .selectFrom('interviews')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where('participant_id', '=', participantId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return toItems(db, organizationId, rows);
  },
  async lastActivity(db, organizationId) {
    // Taking part happened on the day it was held, not when staff typed it up.
    const rows = await db
      .selectFrom('interviews')
      .select(['participant_id', (eb) => eb.fn.max('held_on').as('day')])
      .where('organization_id', '=', organizationId)
      .where('participant_id', 'is not', null)
      .groupBy('participant_id')
      .execute();
    return rows.map((r) => ({ participantId: r.participant_id!, at: `${String(r.day)}T00:00:00.000Z` }));
  },
};
