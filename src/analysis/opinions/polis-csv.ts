import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Vote, VoteRecord } from './matrix.js';

/** A malformed Pol.is CSV: which file, line (1-based, the header is line 1) and column (1-based, with name). */
export class PolisCsvError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number | undefined;
  readonly columnName: string | undefined;
  readonly reason: string;

  constructor(
    file: string,
    line: number,
    column: number | undefined,
    columnName: string | undefined,
    reason: string,
  ) {
    const where = column === undefined ? '' : `, column ${column}${columnName ? ` (${columnName})` : ''}`;
    super(`${file} line ${line}${where}: ${reason}`);
    this.name = 'PolisCsvError';
    this.file = file;
    this.line = line;
    this.column = column;
    this.columnName = columnName;
    this.reason = reason;
  }
}

/** A row of Pol.is' `comments.csv`. `moderated`: 1 shown, 0 not yet moderated, −1 moderated out. */
export interface PolisComment {
  timestamp: number | null;
  datetime: string;
  commentId: string;
  authorId: string;
  agrees: number;
  disagrees: number;
  moderated: -1 | 0 | 1;
  body: string;
  /**
   * A meta (demographic) comment, e.g. "I am 55 or older": Pol.is zeroes these in the maths and leaves them
   * out of the results like moderated-out comments. Read from an `is-meta` column when the file has one;
   * Pol.is' own exports do not carry it.
   */
  isMeta?: boolean;
}

/** A row of Pol.is' `votes.csv` (1 agree, −1 disagree, 0 pass). */
export interface PolisVote {
  timestamp: number | null;
  datetime: string;
  commentId: string;
  voterId: string;
  vote: Vote;
  /** The line it came from (for messages); absent when built in code. */
  line?: number;
}

/** A row of Pol.is' `participants-votes.csv`: `votes[i]` is the vote on `commentIds[i]`, null if unseen. */
export interface PolisParticipantVotes {
  participant: string;
  xid?: string;
  /** The opinion group Pol.is computed, or null when not clustered. */
  groupId: string | null;
  nComments: number;
  nVotes: number;
  nAgree: number;
  nDisagree: number;
  votes: (Vote | null)[];
}

/** The parsed `participants-votes.csv`: the comment columns (in file order) and one row per participant. */
export interface PolisParticipantsVotes {
  commentIds: string[];
  /** Whether the file has the `xid` column of newer exports. */
  hasXid: boolean;
  rows: PolisParticipantVotes[];
}

interface Row {
  line: number;
  cells: string[];
}

interface Table {
  file: string;
  header: string[];
  rows: Row[];
}

interface CsvParseFailure {
  code?: unknown;
  message?: unknown;
  lines?: unknown;
  column?: unknown;
}

/** Parses CSV text into a header and rows with the line each row starts on; structural errors name both. */
function readTable(text: string, file: string): Table {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    const failure = error as CsvParseFailure;
    const line = typeof failure.lines === 'number' ? failure.lines : 1;
    const column = typeof failure.column === 'number' ? failure.column + 1 : undefined;
    const reason = typeof failure.message === 'string' ? failure.message : String(error);
    throw new PolisCsvError(file, line, column, undefined, reason);
  }
  const rows = records.map(({ record, raw, info }) => {
    // info.lines is the line a record ends on; step back over the line breaks inside it.
    const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
    const breaks = body.match(/\n/g)?.length ?? 0;
    return { line: info.lines - breaks, cells: record };
  });
  const headerRow = rows.shift();
  if (!headerRow) throw new PolisCsvError(file, 1, undefined, undefined, 'the file is empty (no header)');
  const header = headerRow.cells.map((name) => name.trim());
  for (const row of rows) {
    if (row.cells.length !== header.length) {
      const column = Math.min(row.cells.length, header.length) + 1;
      throw new PolisCsvError(
        file,
        row.line,
        column,
        header[column - 1],
        `expected ${header.length} fields as in the header, got ${row.cells.length}`,
      );
    }
  }
  return { file, header, rows };
}

function columnIndex(table: Table, name: string, required: boolean): number {
  const index = table.header.indexOf(name);
  if (index < 0 && required)
    throw new PolisCsvError(table.file, 1, undefined, undefined, `the header has no "${name}" column`);
  return index;
}

function fail(table: Table, row: Row, column: number, reason: string): never {
  throw new PolisCsvError(table.file, row.line, column + 1, table.header[column], reason);
}

function cell(row: Row, column: number): string {
  return column < 0 ? '' : (row.cells[column] ?? '').trim();
}

function integer(table: Table, row: Row, column: number, allowEmpty: boolean): number | null {
  const text = cell(row, column);
  if (text === '' && allowEmpty) return null;
  if (!/^-?\d+$/.test(text)) fail(table, row, column, `"${text}" is not a whole number`);
  return Number(text);
}

function vote(table: Table, row: Row, column: number, allowEmpty: boolean): Vote | null {
  const text = cell(row, column);
  if (text === '' && allowEmpty) return null;
  if (text === '1' || text === '1.0') return 1;
  if (text === '-1' || text === '-1.0') return -1;
  if (text === '0' || text === '0.0' || text === '-0') return 0;
  fail(table, row, column, `"${text}" is not a vote (1 agree, -1 disagree, 0 pass)`);
}

function identifier(table: Table, row: Row, column: number): string {
  const text = cell(row, column);
  if (text === '') fail(table, row, column, 'an id is required');
  return text;
}

/** Parses Pol.is' `comments.csv`, columns read by header name; duplicate comment ids are an error. */
export function parsePolisComments(text: string, file = 'comments.csv'): PolisComment[] {
  const table = readTable(text, file);
  const at = {
    timestamp: columnIndex(table, 'timestamp', false),
    datetime: columnIndex(table, 'datetime', false),
    commentId: columnIndex(table, 'comment-id', true),
    authorId: columnIndex(table, 'author-id', false),
    agrees: columnIndex(table, 'agrees', false),
    disagrees: columnIndex(table, 'disagrees', false),
    moderated: columnIndex(table, 'moderated', true),
    body: columnIndex(table, 'comment-body', false),
    isMeta: Math.max(columnIndex(table, 'is-meta', false), columnIndex(table, 'is_meta', false)),
  };
  const seen = new Set<string>();
  return table.rows.map((row) => {
    const commentId = identifier(table, row, at.commentId);
    if (seen.has(commentId)) fail(table, row, at.commentId, `comment ${commentId} appears twice`);
    seen.add(commentId);
    const moderated = integer(table, row, at.moderated, false);
    if (moderated !== -1 && moderated !== 0 && moderated !== 1)
      fail(table, row, at.moderated, `"${cell(row, at.moderated)}" is not -1, 0 or 1`);
    return {
      timestamp: at.timestamp < 0 ? null : integer(table, row, at.timestamp, true),
      datetime: cell(row, at.datetime),
      commentId,
      authorId: cell(row, at.authorId),
      agrees: at.agrees < 0 ? 0 : (integer(table, row, at.agrees, true) ?? 0),
      disagrees: at.disagrees < 0 ? 0 : (integer(table, row, at.disagrees, true) ?? 0),
      moderated,
      body: at.body < 0 ? '' : (row.cells[at.body] ?? ''),
      ...(at.isMeta < 0 ? {} : { isMeta: flag(table, row, at.isMeta) }),
    };
  });
}

function flag(table: Table, row: Row, column: number): boolean {
  const text = cell(row, column).toLowerCase();
  if (text === '' || text === '0' || text === 'false' || text === 'f') return false;
  if (text === '1' || text === 'true' || text === 't') return true;
  fail(table, row, column, `"${cell(row, column)}" is not a flag (1/0, true/false)`);
}

/**
 * The statements Pol.is leaves out of its maths and results (its "mod-out" set): the comments moderated out
 * and the meta comments. Pass them as `excludedStatements`.
 */
export function polisExcludedStatements(comments: readonly PolisComment[]): string[] {
  return comments.filter((c) => c.moderated === -1 || c.isMeta === true).map((c) => c.commentId);
}

/**
 * The rows of a `participants-votes.csv` in the order the participants joined. Pol.is numbers participants
 * 0, 1, 2, ... as they join and adds them to its vote matrix in that order, which decides its k-means start
 * (the first distinct rows); its export lists them in another order (those it clustered first). When every
 * participant id is a whole number the rows are sorted by it; otherwise the file order is kept.
 */
export function polisJoinOrder<T extends { participant: string }>(rows: readonly T[]): T[] {
  if (!rows.every((row) => /^\d+$/u.test(row.participant))) return [...rows];
  return [...rows].sort((a, b) => Number(a.participant) - Number(b.participant));
}

/**
 * Parses Pol.is' `votes.csv`. With `commentIds` (from `comments.csv`), a vote on any other comment is an
 * error naming its line. Every vote is returned; `latestVotes` keeps the one that counts.
 */
export function parsePolisVotes(
  text: string,
  file = 'votes.csv',
  commentIds?: ReadonlySet<string>,
): PolisVote[] {
  const table = readTable(text, file);
  const at = {
    timestamp: columnIndex(table, 'timestamp', false),
    datetime: columnIndex(table, 'datetime', false),
    commentId: columnIndex(table, 'comment-id', true),
    voterId: columnIndex(table, 'voter-id', true),
    vote: columnIndex(table, 'vote', true),
  };
  return table.rows.map((row) => {
    const commentId = identifier(table, row, at.commentId);
    if (commentIds && !commentIds.has(commentId))
      fail(table, row, at.commentId, `the vote refers to comment ${commentId}, which is not in the comments`);
    return {
      timestamp: at.timestamp < 0 ? null : integer(table, row, at.timestamp, true),
      datetime: cell(row, at.datetime),
      commentId,
      voterId: identifier(table, row, at.voterId),
      vote: vote(table, row, at.vote, false)!,
      line: row.line,
    };
  });
}

/** The vote records the analysis reads, from Pol.is votes (the latest per voter and comment counts there). */
export function polisVoteRecords(votes: readonly PolisVote[]): VoteRecord[] {
  return votes.map((v) => ({
    participantId: v.voterId,
    statementId: v.commentId,
    vote: v.vote,
    ...(v.timestamp === null ? {} : { timestamp: v.timestamp }),
  }));
}

const participantColumns = [
  'participant',
  'group-id',
  'n-comments',
  'n-votes',
  'n-agree',
  'n-disagree',
] as const;

/**
 * Parses Pol.is' `participants-votes.csv`: columns by header name (newer exports add `xid`), the comment
 * columns being those after `n-disagree`; each cell 1 / −1 / 0 or empty (not seen).
 */
export function parsePolisParticipantsVotes(
  text: string,
  file = 'participants-votes.csv',
): PolisParticipantsVotes {
  const table = readTable(text, file);
  const [participant, groupId, nComments, nVotes, nAgree, nDisagree] = participantColumns.map((name) =>
    columnIndex(table, name, true),
  ) as [number, number, number, number, number, number];
  const xid = columnIndex(table, 'xid', false);
  const first = nDisagree + 1;
  const commentIds = table.header.slice(first);
  const duplicate = commentIds.findIndex((id, i) => id === '' || commentIds.indexOf(id) !== i);
  if (duplicate >= 0)
    throw new PolisCsvError(
      file,
      1,
      first + duplicate + 1,
      commentIds[duplicate],
      'comment columns need unique ids',
    );
  const seen = new Set<string>();
  const rows = table.rows.map((row) => {
    const id = identifier(table, row, participant);
    if (seen.has(id)) fail(table, row, participant, `participant ${id} appears twice`);
    seen.add(id);
    const group = cell(row, groupId);
    return {
      participant: id,
      ...(xid >= 0 ? { xid: cell(row, xid) } : {}),
      groupId: group === '' ? null : group,
      nComments: integer(table, row, nComments, true) ?? 0,
      nVotes: integer(table, row, nVotes, true) ?? 0,
      nAgree: integer(table, row, nAgree, true) ?? 0,
      nDisagree: integer(table, row, nDisagree, true) ?? 0,
      votes: commentIds.map((_, i) => vote(table, row, first + i, true)),
    };
  });
  return { commentIds, hasXid: xid >= 0, rows };
}

/** Writes Pol.is' `comments.csv`. */
export function serialisePolisComments(comments: readonly PolisComment[]): string {
  // The `is-meta` column only when some comment says, so plain Pol.is files round-trip unchanged.
  const meta = comments.some((c) => c.isMeta !== undefined);
  return stringify(
    comments.map((c) => [
      c.timestamp ?? '',
      c.datetime,
      c.commentId,
      c.authorId,
      c.agrees,
      c.disagrees,
      c.moderated,
      c.body,
      ...(meta ? [c.isMeta ? 1 : 0] : []),
    ]),
    {
      header: true,
      columns: [
        'timestamp',
        'datetime',
        'comment-id',
        'author-id',
        'agrees',
        'disagrees',
        'moderated',
        'comment-body',
        ...(meta ? ['is-meta'] : []),
      ],
    },
  );
}

/** Writes Pol.is' `votes.csv`. */
export function serialisePolisVotes(votes: readonly PolisVote[]): string {
  return stringify(
    votes.map((v) => [v.timestamp ?? '', v.datetime, v.commentId, v.voterId, v.vote]),
    { header: true, columns: ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'] },
  );
}

/** Writes Pol.is' `participants-votes.csv` (with the `xid` column when `hasXid`). */
export function serialisePolisParticipantsVotes(table: PolisParticipantsVotes): string {
  const head = ['participant', ...(table.hasXid ? ['xid'] : []), ...participantColumns.slice(1)];
  return stringify(
    table.rows.map((r) => [
      r.participant,
      ...(table.hasXid ? [r.xid ?? ''] : []),
      r.groupId ?? '',
      r.nComments,
      r.nVotes,
      r.nAgree,
      r.nDisagree,
      ...table.commentIds.map((_, i) => r.votes[i] ?? ''),
    ]),
    { header: true, columns: [...head, ...table.commentIds] },
  );
}
