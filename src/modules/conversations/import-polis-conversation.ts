import {
  parsePolisComments,
  parsePolisParticipantsVotes,
  parsePolisVotes,
  PolisCsvError,
  type PolisComment,
} from '../../analysis/opinions/index.js';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { invalid, type FieldError } from '../../platform/errors.js';
import { hasForbiddenCharacters } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { assertWritable } from './conversation-access.js';
import {
  findConversation,
  insertConversation,
  insertImportedStatements,
  insertImportedVotes,
  setNextNumber,
} from './conversations.repository.js';
import { conversationRules } from './conversations.policy.js';
import { DEFAULT_STATEMENT_LENGTH, type Conversation } from './conversations.table.js';

/** What staff upload: a question and Pol.is export files as text. */
export interface PolisImportInput {
  question: string;
  comments?: string | undefined;
  votes?: string | undefined;
  participantsVotes?: string | undefined;
}

const fieldOf: Record<string, string> = {
  'comments.csv': 'comments',
  'votes.csv': 'votes',
  'participants-votes.csv': 'participantsVotes',
};

/** A malformed CSV as a field error naming file, line and column. */
function csvError(error: PolisCsvError): FieldError {
  const params = { file: error.file, line: error.line, reason: error.reason };
  return {
    field: fieldOf[error.file] ?? 'comments',
    code: error.column === undefined ? 'conversations.csvLine' : 'conversations.csv',
    params:
      error.column === undefined
        ? params
        : { ...params, column: `${error.column}${error.columnName ? ` (${error.columnName})` : ''}` },
  };
}

interface ParsedImport {
  comments: PolisComment[];
  votes: { commentId: string; voterId: string; vote: -1 | 0 | 1; timestamp: number | null }[];
}

/** Reads the files; any malformed line throws a field error, so nothing is stored. */
function parseFiles(input: PolisImportInput): ParsedImport {
  const has = (text: string | undefined) => typeof text === 'string' && text.trim() !== '';
  try {
    if (has(input.participantsVotes)) {
      const table = parsePolisParticipantsVotes(input.participantsVotes!);
      const comments = has(input.comments) ? parsePolisComments(input.comments!) : [];
      const known = new Set(comments.map((c) => c.commentId));
      if (comments.length > 0) {
        // With comments.csv, every comment column must be one of its comments.
        const unknown = table.commentIds.findIndex((id) => !known.has(id));
        if (unknown >= 0) {
          const id = table.commentIds[unknown]!;
          const header = input.participantsVotes!.split(/\r?\n/, 1)[0]!.split(',');
          throw new PolisCsvError(
            'participants-votes.csv',
            1,
            header.indexOf(id) + 1,
            id,
            `the column refers to comment ${id}, which is not in the comments`,
          );
        }
      }
      const placeholders: PolisComment[] = table.commentIds
        .filter((id) => !known.has(id))
        .map((id) => ({
          timestamp: null,
          datetime: '',
          commentId: id,
          authorId: '',
          agrees: 0,
          disagrees: 0,
          moderated: 1,
          body: `Pol.is comment ${id}`,
        }));
      const votes = table.rows.flatMap((row) =>
        row.votes.flatMap((vote, i) =>
          vote === null
            ? []
            : [{ commentId: table.commentIds[i]!, voterId: row.participant, vote, timestamp: null }],
        ),
      );
      return { comments: [...comments, ...placeholders], votes };
    }
    if (!has(input.comments) || !has(input.votes))
      throw invalid([{ field: 'comments', code: 'conversations.importFiles' }]);
    const comments = parsePolisComments(input.comments!);
    const votes = parsePolisVotes(input.votes!, 'votes.csv', new Set(comments.map((c) => c.commentId)));
    return { comments, votes };
  } catch (error) {
    if (error instanceof PolisCsvError) throw invalid([csvError(error)]);
    throw error;
  }
}

/**
 * Imports a conversation from a Pol.is export (comments.csv + votes.csv, or participants-votes.csv with
 * or without comments.csv), all or nothing: a malformed line, or a vote on a comment that is not in
 * comments.csv, is a field error naming the file, line and column. Comments keep their ids as statement
 * numbers; moderated-out and meta comments are hidden; voters become anonymous keys `polis:<id>`. The
 * conversation arrives closed (staff can open it to gather more votes).
 */
export async function importPolisConversation(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  input: PolisImportInput,
): Promise<Conversation> {
  authorize(actor, conversationRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  assertWritable(initiative);
  const question = (input.question ?? '').trim();
  if (question === '') throw invalid([{ field: 'question', code: 'required' }]);
  if (question.length > 300) throw invalid([{ field: 'question', code: 'tooLong', params: { max: 300 } }]);
  // Control characters (NUL above all) have no place in any text, and PostgreSQL cannot store NUL.
  const texts = {
    question,
    comments: input.comments,
    votes: input.votes,
    participantsVotes: input.participantsVotes,
  };
  for (const [field, text] of Object.entries(texts))
    if (typeof text === 'string' && hasForbiddenCharacters(text))
      throw invalid([{ field, code: 'invalidCharacters' }]);
  const parsed = parseFiles(input);
  if (parsed.comments.length === 0) throw invalid([{ field: 'comments', code: 'conversations.importEmpty' }]);
  for (const [i, c] of parsed.comments.entries()) {
    if (!/^\d{1,9}$/.test(c.commentId))
      throw invalid([
        {
          field: 'comments',
          code: 'conversations.commentId',
          params: { file: 'comments.csv', line: i + 2, id: c.commentId },
        },
      ]);
  }
  const now = nowIso();
  const longest = Math.max(...parsed.comments.map((c) => [...c.body].length));
  const id = await insertConversation(
    db,
    actor.organizationId,
    initiative.id,
    {
      question,
      topic: '',
      statement_max_length: Math.min(1000, Math.max(DEFAULT_STATEMENT_LENGTH, longest)),
      moderation: 'before',
    },
    { createdBy: actor.staffId, now, status: 'closed' },
  );
  const statementIds = await insertImportedStatements(
    db,
    actor.organizationId,
    id,
    parsed.comments.map((c) => ({
      number: Number(c.commentId),
      body: c.body,
      authorKey: c.authorId === '' ? '' : `polis:${c.authorId}`,
      status: c.moderated === -1 || c.isMeta ? 'hidden' : c.moderated === 1 ? 'approved' : 'pending',
      createdAt: c.timestamp === null ? now : new Date(c.timestamp).toISOString(),
    })),
  );
  // The latest vote per voter and comment counts (records without a timestamp count in file order).
  const latest = new Map<string, ParsedImport['votes'][number]>();
  for (const v of parsed.votes) {
    const key = `${v.voterId}\u0000${v.commentId}`;
    const previous = latest.get(key);
    if (!previous || (v.timestamp ?? Infinity) >= (previous.timestamp ?? -Infinity)) latest.set(key, v);
  }
  await insertImportedVotes(
    db,
    actor.organizationId,
    id,
    [...latest.values()].map((v) => ({
      statementId: statementIds.get(v.commentId)!,
      voterKey: `polis:${v.voterId}`,
      participantId: null,
      vote: v.vote,
      votedAt: v.timestamp === null ? now : new Date(v.timestamp).toISOString(),
    })),
  );
  await setNextNumber(
    db,
    actor.organizationId,
    id,
    Math.max(...parsed.comments.map((c) => Number(c.commentId))) + 1,
  );
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'conversation.import',
    subjectType: 'conversation',
    subjectId: id,
    details: { initiativeId: initiative.id, statements: parsed.comments.length, votes: latest.size },
  });
  return (await findConversation(db, actor.organizationId, id))!;
}
