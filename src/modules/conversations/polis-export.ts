import {
  serialisePolisComments,
  serialisePolisParticipantsVotes,
  serialisePolisVotes,
  type PolisParticipantVotes,
} from '../../analysis/opinions/index.js';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { loadConversation } from './conversation-access.js';
import type { StoredAnalysis } from './analysis-result.js';
import { findResult, listStatements, listVotes } from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import type { Statement } from './conversations.table.js';

/** The Pol.is export files a conversation can be downloaded as. */
export const polisFiles = ['comments.csv', 'votes.csv', 'participants-votes.csv'] as const;
export type PolisFile = (typeof polisFiles)[number];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Pol.is' `datetime` column (Java's Date#toString), in UTC: `Tue Nov 24 15:00:00 UTC 2026`. */
export function polisDatetime(ms: number): string {
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}

/**
 * Pol.is participant numbers for voter and author keys: imported ones keep their Pol.is number
 * (`polis:<n>`); everyone else is numbered after them in order of their first vote or statement.
 */
function numbering(keysInOrder: string[]): Map<string, number> {
  const out = new Map<string, number>();
  let next = 0;
  for (const key of keysInOrder) {
    const m = /^polis:(\d+)$/.exec(key);
    if (m) {
      out.set(key, Number(m[1]));
      next = Math.max(next, Number(m[1]) + 1);
    }
  }
  for (const key of keysInOrder) if (!out.has(key)) out.set(key, next++);
  return out;
}

const moderated = (s: Statement): -1 | 0 | 1 =>
  s.status === 'approved' ? 1 : s.status === 'hidden' ? -1 : 0;

/**
 * A conversation as Pol.is export files: `comments.csv`, `votes.csv` (the latest vote per voter and
 * statement) and `participants-votes.csv` (with the group ids of the stored analysis). Participants
 * appear as numbers only, never as names or ids of the platform.
 */
export async function exportPolisFile(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  conversationId: string,
  file: PolisFile,
): Promise<string> {
  authorize(actor, conversationRules.export);
  const { conversation } = await loadConversation(db, actor, initiativeId, conversationId);
  const [statements, votes, stored] = await Promise.all([
    listStatements(db, actor.organizationId, conversation.id),
    listVotes(db, actor.organizationId, conversation.id),
    findResult(db, actor.organizationId, conversation.id),
  ]);
  const authorKey = (s: Statement) => s.authorKey || s.authorParticipantId || '';
  const number = numbering([...votes.map((v) => v.voterKey), ...statements.map(authorKey).filter(Boolean)]);
  const byId = new Map(statements.map((s) => [s.id, s]));
  const tally = new Map<string, { agrees: number; disagrees: number }>();
  for (const v of votes) {
    const t = tally.get(v.statementId) ?? { agrees: 0, disagrees: 0 };
    if (v.vote === 1) t.agrees++;
    if (v.vote === -1) t.disagrees++;
    tally.set(v.statementId, t);
  }
  if (file === 'comments.csv') {
    return serialisePolisComments(
      statements.map((s) => {
        const ms = Date.parse(s.createdAt);
        const author = authorKey(s);
        return {
          timestamp: ms,
          datetime: polisDatetime(ms),
          commentId: String(s.number),
          authorId: author ? String(number.get(author)) : '',
          agrees: tally.get(s.id)?.agrees ?? 0,
          disagrees: tally.get(s.id)?.disagrees ?? 0,
          moderated: moderated(s),
          body: s.body,
        };
      }),
    );
  }
  if (file === 'votes.csv') {
    return serialisePolisVotes(
      votes.map((v) => {
        const ms = Date.parse(v.votedAt);
        return {
          timestamp: ms,
          datetime: polisDatetime(ms),
          commentId: String(byId.get(v.statementId)!.number),
          voterId: String(number.get(v.voterKey)),
          vote: v.vote,
        };
      }),
    );
  }
  const analysis = stored ? (JSON.parse(stored.result) as StoredAnalysis) : undefined;
  const groupOf = new Map<string, number>();
  for (const g of analysis?.groups ?? []) for (const p of g.participants) groupOf.set(p, g.id);
  const column = new Map(statements.map((s, i) => [s.id, i]));
  const rows = new Map<string, PolisParticipantVotes>();
  for (const key of number.keys()) {
    rows.set(key, {
      participant: String(number.get(key)),
      groupId: groupOf.has(key) ? String(groupOf.get(key)) : null,
      nComments: statements.filter((s) => authorKey(s) === key).length,
      nVotes: 0,
      nAgree: 0,
      nDisagree: 0,
      votes: statements.map(() => null),
    });
  }
  for (const v of votes) {
    const row = rows.get(v.voterKey)!;
    row.votes[column.get(v.statementId)!] = v.vote;
    row.nVotes++;
    if (v.vote === 1) row.nAgree++;
    if (v.vote === -1) row.nDisagree++;
  }
  return serialisePolisParticipantsVotes({
    commentIds: statements.map((s) => String(s.number)),
    hasXid: false,
    rows: [...rows.values()].sort((a, b) => Number(a.participant) - Number(b.participant)),
  });
}
