import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { containsPattern } from '../../platform/search-pattern.js';
import type { InputItem, InputSource } from '../decisions/input-source.js';
import type { ExperimentsTable } from './experiments.table.js';

// Experiments and pilots as input that decisions are traced to: one input per experiment, its
// results and learnings as text. They are staff work, so no participant contributed them (the users
// tested are counted, not linked) and they add nothing to a participant's activity.

type Row = Pick<ExperimentsTable, 'id' | 'initiative_id' | 'created_at' | 'title' | 'results' | 'learnings'>;
const columns = ['id', 'initiative_id', 'created_at', 'title', 'results', 'learnings'] as const;

function toItem(r: Row): InputItem {
  return {
    kind: 'experiment',
    id: r.id,
    initiativeId: r.initiative_id,
    participantId: null,
    createdAt: r.created_at,
    label: r.title,
    text: [r.results, r.learnings].filter((t) => t.trim() !== '').join('\n\n'),
    href: `/staff/initiatives/${r.initiative_id}/experiments/${r.id}`,
  };
}

/** One input per experiment or pilot of an initiative. */
export const experimentInputSource: InputSource = {
  kind: 'experiment',
  async search(db: Db, organizationId, initiativeId, query, limit) {
    let q = db
      .selectFrom('experiments')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId);
    if (query.trim() !== '') {
      const p = containsPattern(query);
      // The hypothesis is what the title stands for, so it is searched with it.
      q = q.where(
        sql<boolean>`(lower(title) like ${p} escape '\\' or lower(we_believe) like ${p} escape '\\'
          or lower(for_whom) like ${p} escape '\\' or lower(will_result_in) like ${p} escape '\\'
          or lower(results) like ${p} escape '\\' or lower(learnings) like ${p} escape '\\')`,
      );
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    return rows.map(toItem);
  },
  async byIds(db, organizationId, ids) {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('experiments')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toItem);
  },
  async census(db, organizationId, initiativeId) {
    const { n } = await db
      .selectFrom('experiments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organization_id', '=', organizationId)
      .where('initiative_id', '=', initiativeId)
      .executeTakeFirstOrThrow();
    return { inputs: Number(n), contributors: [] };
  },
  async ofParticipant() {
    return [];
  },
  async lastActivity() {
    return [];
  },
};
