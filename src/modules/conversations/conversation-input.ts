import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_STATEMENT_LENGTH, moderationModes } from './conversations.table.js';

/** What staff set on a conversation. */
export const ConversationInput = Type.Object({
  question: Type.String({
    minLength: 1,
    maxLength: 300,
    description: 'The question or topic people respond to',
  }),
  topic: Type.String({ maxLength: 2000, default: '', description: 'More about it (optional)' }),
  statementMaxLength: Type.Integer({
    minimum: 20,
    maximum: 1000,
    default: DEFAULT_STATEMENT_LENGTH,
    description: 'The longest statement participants may add, in characters',
  }),
  moderation: Type.Union(
    moderationModes.map((m) => Type.Literal(m)),
    {
      default: 'before',
      description: '`before`: statements wait for approval; `after`: shown at once, hidden if need be',
    },
  ),
});
export type ConversationInput = Static<typeof ConversationInput>;

/** A statement as participants and staff send it. */
export const StatementInput = Type.Object({
  body: Type.String({ minLength: 1, maxLength: 1000, description: 'The statement' }),
});
export type StatementInput = Static<typeof StatementInput>;

/** A vote: agree, disagree or pass. */
export const VoteInput = Type.Object({
  statementId: Type.String({ minLength: 1, maxLength: 64 }),
  vote: Type.Union([Type.Literal('agree'), Type.Literal('disagree'), Type.Literal('pass')]),
});
export type VoteInput = Static<typeof VoteInput>;

/** Approve or hide a statement, with a reason when hiding. */
export const ModerationInput = Type.Object({
  decision: Type.Union([Type.Literal('approve'), Type.Literal('hide')]),
  reason: Type.String({ maxLength: 40, default: '' }),
});
export type ModerationInput = Static<typeof ModerationInput>;

/** The vote values the analysis reads. */
export const voteValue = { agree: 1, disagree: -1, pass: 0 } as const;
