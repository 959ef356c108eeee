import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { containsPattern, containsQuery, jsonContainsPattern } from '../../platform/search-pattern.js';
import type { InputItem, InputSource } from '../decisions/input-source.js';
import type { Question } from './prototypes.table.js';

// Feedback on prototypes as input that decisions are traced to: one input per piece of feedback (one
// person on one round). The text is the responder's own words only: what works, what does not, what
// is missing, then the answers in the round's question order (the questions are staff's words).

interface Row {
  id: string;
  participant_id: string | null;
  created_at: string;
  works: string;
  does_not_work: string;
  missing: string;
  answers: string;
  questions: string;
  number: number;
  prototype_id: string;
  title: string;
  initiative_id: string;
}

/** Feedback with its round and prototype, in the organization. */
function feedback(db: Db, organizationId: string) {
  return db
    .selectFrom('prototype_feedback as f')
    .innerJoin('prototype_versions as v', (j) =>
      j.onRef('v.id', '=', 'f.version_id').onRef('v.organization_id', '=', 'f.organization_id'),
    )
    .innerJoin('prototypes as p', (j) =>
      j.onRef('p.id', '=', 'v.prototype_id').onRef('p.organization_id', '=', 'v.organization_id'),
    )
    .select([
      'f.id',
      'f.participant_id',
      'f.created_at',
      'f.works',
      'f.does_not_work',
      'f.missing',
      'f.answers',
      'v.questions',
      'v.number',
      'p.id as prototype_id',
      'p.title',
      'p.initiative_id',
    ])
    .where('f.organization_id', '=', organizationId);
}

function toItem(r: Row): InputItem {
  const answers = JSON.parse(r.answers) as Record<string, string>;
  const questions = JSON.parse(r.questions) as Question[];
  const said = [r.works, r.does_not_work, r.missing, ...questions.map((q) => answers[q.id] ?? '')];
  return {
    kind: 'prototype_feedback',
    id: r.id,
    initiativeId: r.initiative_id,
    participantId: r.participant_id,
    createdAt: r.created_at,
    label: `${r.title} (v${Number(r.number)})`,
    text: said.filter((t) => t.trim() !== '').join('\n\n'),
    href: `/staff/initiatives/${r.initiative_id}/prototypes/${r.prototype_id}`,
  };
}

/** One input per piece of feedback given on a prototype's round, by a participant or a guest. */
export const prototypeFeedbackInputSource: InputSource = {
  kind: 'prototype_feedback',
  async search(db, organizationId, initiativeId, query, limit) {
    const q = feedback(db, organizationId).where('p.initiative_id', '=', initiativeId);
    if (query.trim() === '') {
      const rows = await q.orderBy('f.created_at', 'desc').orderBy('f.id').limit(limit).execute();
      return rows.map(toItem);
    }
    const pattern = containsPattern(query);
    // Answers are stored as JSON keyed by question ids, which SQL cannot tell from the answers: the
    // SQL match is a superset that the decoded text confirms. Feedback is one piece per person and
    // round, so an initiative's matches are few enough to confirm without a LIMIT.
    const rows = await q
      .where(
        sql<boolean>`(lower(p.title) like ${pattern} escape '\\' or lower(f.works) like ${pattern} escape '\\'
          or lower(f.does_not_work) like ${pattern} escape '\\' or lower(f.missing) like ${pattern} escape '\\'
          or lower(f.answers) like ${jsonContainsPattern(query)} escape '\\')`,
      )
      .orderBy('f.created_at', 'desc')
      .orderBy('f.id')
      .execute();
    return rows
      .map(toItem)
      .filter((i) => containsQuery(i.label, query) || containsQuery(i.text, query))
      .slice(0, Math.max(limit, 0));
  },
  async byIds(db, organizationId, ids) {
    if (ids.length === 0) return [];
    const rows = await feedback(db, organizationId)
      .where('f.id', 'in', [...ids])
      .execute();
    return rows.map(toItem);
  },
  async census(db, organizationId, initiativeId) {
    const base = db
      .selectFrom('prototype_feedback as f')
      .innerJoin('prototype_versions as v', 'v.id', 'f.version_id')
      .innerJoin('prototypes as p', 'p.id', 'v.prototype_id')
      .where('f.organization_id', '=', organizationId)
      .where('p.organization_id', '=', organizationId)
      .where('p.initiative_id', '=', initiativeId);
    const [{ n }, contributors] = await Promise.all([
      base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base.select('f.participant_id').distinct().where('f.participant_id', 'is not', null).execute(),
    ]);
    return { inputs: Number(n), contributors: contributors.map((c) => c.participant_id!) };
  },
  async ofParticipant(db, organizationId, participantId) {
    const rows = await feedback(db, organizationId)
      .where('f.participant_id', '=', participantId)
      .orderBy('f.created_at')
      .orderBy('f.id')
      .execute();
    return rows.map(toItem);
  },
  async lastActivity(db, organizationId) {
    const rows = await db
      .selectFrom('prototype_feedback')
      .select(['participant_id', (eb) => eb.fn.max('created_at').as('at')])
      .where('organization_id', '=', organizationId)
      .where('participant_id', 'is not', null)
      .groupBy('participant_id')
      .execute();
    return rows.map((r) => ({ participantId: r.participant_id!, at: String(r.at) }));
  },
};
