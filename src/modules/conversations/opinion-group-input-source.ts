import type { Db } from '../../db/database.js';
import { containsQuery } from '../../platform/search-pattern.js';
import type { InputItem, InputSource } from '../decisions/input-source.js';
import type { StoredAnalysis } from './analysis-result.js';
import { groupLabel } from './views/opinion-map.js';

// Opinion groups as input that decisions are traced to: one input per group of a conversation's
// latest stored analysis, its id `<conversation id>:<group id>` (the analysis keeps group ids stable
// from run to run). A group is a pattern of votes, not anyone's contribution: no participant, no
// contributors, no activity. Its text is its representative statements, each marked "+" when the
// group agrees with it and "−" when it disagrees.

interface ResultRow {
  conversation_id: string;
  initiative_id: string;
  question: string;
  computed_at: string;
  result: string;
}

/** The latest results of some conversations of the organization, with their conversations. */
function results(db: Db, organizationId: string) {
  return db
    .selectFrom('conversation_results as r')
    .innerJoin('conversations as c', (j) =>
      j.onRef('c.id', '=', 'r.conversation_id').onRef('c.organization_id', '=', 'r.organization_id'),
    )
    .select(['r.conversation_id', 'c.initiative_id', 'c.question', 'r.computed_at', 'r.result'])
    .where('r.organization_id', '=', organizationId);
}

/** Every group of the results as items (representative statements' bodies read in one query). */
async function toItems(db: Db, organizationId: string, rows: ResultRow[]): Promise<InputItem[]> {
  const analyses = rows.map((r) => ({ row: r, analysis: JSON.parse(r.result) as StoredAnalysis }));
  const statementIds = analyses.flatMap(({ analysis }) =>
    analysis.groups.flatMap((g) => g.representative.map((rep) => rep.statementId)),
  );
  const bodies = new Map<string, string>();
  if (statementIds.length > 0) {
    const statements = await db
      .selectFrom('conversation_statements')
      .select(['id', 'body'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', [...new Set(statementIds)])
      .execute();
    for (const s of statements) bodies.set(s.id, s.body);
  }
  return analyses.flatMap(({ row, analysis }) =>
    analysis.groups.map((g) => ({
      kind: 'opinion_group' as const,
      id: `${row.conversation_id}:${g.id}`,
      initiativeId: row.initiative_id,
      participantId: null,
      createdAt: row.computed_at,
      label: `Group ${groupLabel(g.id)} of ${row.question}`,
      text: g.representative
        .filter((rep) => bodies.has(rep.statementId))
        .map((rep) => `${rep.direction === 'agree' ? '+' : '−'} ${bodies.get(rep.statementId)!}`)
        .join('\n'),
      href: `/staff/initiatives/${row.initiative_id}/conversations/${row.conversation_id}/results`,
    })),
  );
}

/** The opinion groups of every conversation of an initiative, in stored order. */
async function groupsOf(db: Db, organizationId: string, initiativeId: string): Promise<InputItem[]> {
  const rows = await results(db, organizationId)
    .where('c.initiative_id', '=', initiativeId)
    .orderBy('r.computed_at', 'desc')
    .orderBy('r.conversation_id')
    .execute();
  return toItems(db, organizationId, rows);
}

/** One input per opinion group of each conversation's latest analysis. */
export const opinionGroupInputSource: InputSource = {
  kind: 'opinion_group',
  async search(db, organizationId, initiativeId, query, limit) {
    // An initiative has a handful of conversations and each a handful of groups: filtered here.
    const groups = await groupsOf(db, organizationId, initiativeId);
    return groups
      .filter((g) => query.trim() === '' || containsQuery(g.label, query) || containsQuery(g.text, query))
      .slice(0, Math.max(limit, 0));
  },
  async byIds(db, organizationId, ids) {
    const wanted = new Set(ids);
    const conversationIds = [...new Set(ids.map((id) => id.split(':')[0]!))];
    if (conversationIds.length === 0) return [];
    const rows = await results(db, organizationId)
      .where('r.conversation_id', 'in', conversationIds)
      .execute();
    return (await toItems(db, organizationId, rows)).filter((g) => wanted.has(g.id));
  },
  async census(db, organizationId, initiativeId) {
    // Counting needs no statement texts.
    const rows = await results(db, organizationId).where('c.initiative_id', '=', initiativeId).execute();
    const inputs = rows.reduce((n, r) => n + (JSON.parse(r.result) as StoredAnalysis).groups.length, 0);
    return { inputs, contributors: [] };
  },
  async ofParticipant() {
    return [];
  },
  async lastActivity() {
    return [];
  },
};
