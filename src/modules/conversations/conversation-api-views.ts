import { Type, type Static } from '@sinclair/typebox';
import type { ConversationResults } from './get-results.js';
import type { StatementWithVotes } from './get-conversation.js';
import type { Conversation, Statement } from './conversations.table.js';

// The JSON shapes of the conversations API (TypeBox: validated responses and the OpenAPI document).

export const ConversationView = Type.Object({
  id: Type.String(),
  initiativeId: Type.String(),
  question: Type.String(),
  topic: Type.String(),
  statementMaxLength: Type.Integer(),
  moderation: Type.Union([Type.Literal('before'), Type.Literal('after')]),
  status: Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ConversationView = Static<typeof ConversationView>;

export const StatementView = Type.Object({
  id: Type.String(),
  number: Type.Integer({ description: 'The statement number; the comment-id of Pol.is exports' }),
  body: Type.String(),
  source: Type.Union([Type.Literal('staff'), Type.Literal('participant'), Type.Literal('import')]),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('hidden')]),
  moderationReason: Type.String(),
  agree: Type.Optional(Type.Integer()),
  disagree: Type.Optional(Type.Integer()),
  pass: Type.Optional(Type.Integer()),
  createdAt: Type.String(),
});
export type StatementView = Static<typeof StatementView>;

const Scored = Type.Object({ statementId: Type.String(), score: Type.Number() });
export const ResultsView = Type.Object({
  computedAt: Type.Union([Type.String(), Type.Null()]),
  stale: Type.Boolean({ description: 'Votes arrived since the analysis ran; a new run has been asked for' }),
  voters: Type.Integer(),
  participantsIncluded: Type.Integer(),
  groups: Type.Array(
    Type.Object({
      id: Type.Integer({ description: 'Stable across reruns' }),
      size: Type.Integer(),
      representative: Type.Array(
        Type.Object({
          statementId: Type.String(),
          direction: Type.Union([Type.Literal('agree'), Type.Literal('disagree')]),
          repness: Type.Number(),
          agreeShare: Type.Number(),
        }),
      ),
    }),
  ),
  consensus: Type.Array(Scored),
  divisive: Type.Array(Scored),
  projection: Type.Array(
    Type.Object({ x: Type.Number(), y: Type.Number(), group: Type.Union([Type.Integer(), Type.Null()]) }),
    { description: 'Every voter on the opinion map (anonymous: no ids)' },
  ),
});
export type ResultsView = Static<typeof ResultsView>;

/** A conversation as the API shows it. */
export function toConversationView(c: Conversation): ConversationView {
  return {
    id: c.id,
    initiativeId: c.initiativeId,
    question: c.question,
    topic: c.topic,
    statementMaxLength: c.statementMaxLength,
    moderation: c.moderation,
    status: c.status,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** A statement as the API shows it. */
export function toStatementView(s: Statement | StatementWithVotes): StatementView {
  return {
    id: s.id,
    number: s.number,
    body: s.body,
    source: s.source,
    status: s.status,
    moderationReason: s.moderationReason,
    ...('agree' in s ? { agree: s.agree, disagree: s.disagree, pass: s.pass } : {}),
    createdAt: s.createdAt,
  };
}

/** The stored analysis as the API shows it: statement ids, groups with sizes, the map without voter ids. */
export function toResultsView(r: ConversationResults): ResultsView {
  const a = r.analysis;
  return {
    computedAt: r.computedAt ?? null,
    stale: r.stale,
    voters: a?.voters ?? 0,
    participantsIncluded: a?.participantsIncluded ?? 0,
    groups: (a?.groups ?? []).map((g) => ({
      id: g.id,
      size: g.participants.length,
      representative: g.representative.map((x) => ({
        statementId: x.statementId,
        direction: x.direction,
        repness: x.repness,
        agreeShare: x.agreeShare,
      })),
    })),
    consensus: a?.consensus ?? [],
    divisive: a?.divisive ?? [],
    projection: (a?.points ?? []).map((p) => ({ x: p.x, y: p.y, group: p.group })),
  };
}
