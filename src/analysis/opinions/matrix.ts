/** A vote as the analysis reads it: agree = 1, disagree = −1, pass = 0. */
export type Vote = -1 | 0 | 1;

/** One vote record; when a participant votes on a statement more than once, the latest timestamp counts. */
export interface VoteRecord {
  participantId: string;
  statementId: string;
  vote: Vote;
  /** Milliseconds or any increasing number; records without one count in input order. */
  timestamp?: number;
}

/**
 * The participants × statements vote matrix, stored sparsely (compressed rows): the votes of participant `p`
 * are `values[rowStart[p] .. rowStart[p + 1])` on statements `columns[...]`; an absent cell is "not seen".
 * At 100,000 participants × 2,000 statements a dense float matrix would take 1.6 GB; this takes 5 bytes a vote.
 */
export interface VoteMatrix {
  participants: readonly string[];
  statements: readonly string[];
  rowStart: Int32Array;
  columns: Int32Array;
  values: Int8Array;
  /** The latest vote's timestamp, when the votes had timestamps (Pol.is: milliseconds since 1970). */
  lastVoteTime?: number;
}

/** Votes already coded as indices into `participants` and `statements`, e.g. for large synthetic inputs. */
export interface CodedVotes {
  participants: readonly string[];
  statements: readonly string[];
  participant: Int32Array;
  statement: Int32Array;
  vote: Int8Array;
  /** Optional; without it a later record overrides an earlier one. */
  timestamp?: Float64Array;
}

/**
 * Builds the sparse matrix from coded votes, keeping only the latest vote per participant and statement
 * (by timestamp, ties to the later record). Rows keep the order of `participants`; within a row votes are
 * sorted by statement index.
 */
export function voteMatrixFromCodes(input: CodedVotes): VoteMatrix {
  const nP = input.participants.length;
  const nS = input.statements.length;
  const n = input.participant.length;
  if (
    input.statement.length !== n ||
    input.vote.length !== n ||
    (input.timestamp && input.timestamp.length !== n)
  )
    throw new RangeError(
      'coded votes: participant, statement, vote (and timestamp) must have the same length',
    );
  // Counting sort by participant keeps this linear in the number of votes.
  const counts = new Int32Array(nP + 1);
  for (let i = 0; i < n; i++) {
    const p = input.participant[i]!;
    if (p < 0 || p >= nP) throw new RangeError(`coded votes: participant index ${p} out of range`);
    const s = input.statement[i]!;
    if (s < 0 || s >= nS) throw new RangeError(`coded votes: statement index ${s} out of range`);
    const v = input.vote[i]!;
    if (v !== 1 && v !== -1 && v !== 0) throw new RangeError(`coded votes: vote ${v} is not 1, -1 or 0`);
    counts[p + 1]!++;
  }
  for (let p = 0; p < nP; p++) counts[p + 1]! += counts[p]!;
  const order = new Int32Array(n);
  const fill = counts.slice(0, nP);
  for (let i = 0; i < n; i++) order[fill[input.participant[i]!]!++] = i;

  // Within a row, the latest record per statement wins; `seenAt` marks where a statement's vote sits.
  const seenAt = new Int32Array(nS).fill(-1);
  const seenRow = new Int32Array(nS).fill(-1);
  const winner = new Int32Array(n);
  const rowStart = new Int32Array(nP + 1);
  let kept = 0;
  const time = input.timestamp;
  for (let p = 0; p < nP; p++) {
    const start = kept;
    for (let k = counts[p]!; k < counts[p + 1]!; k++) {
      const i = order[k]!;
      const s = input.statement[i]!;
      if (seenRow[s] === p) {
        const at = seenAt[s]!;
        const previous = winner[at]!;
        // Records were visited in input order, so `i` is later: it wins unless its timestamp is earlier.
        if (!time || time[i]! >= time[previous]!) winner[at] = i;
      } else {
        seenRow[s] = p;
        seenAt[s] = kept;
        winner[kept++] = i;
      }
    }
    const row = winner.subarray(start, kept);
    row.sort((a, b) => input.statement[a]! - input.statement[b]!);
    rowStart[p + 1] = kept;
  }
  const columns = new Int32Array(kept);
  const values = new Int8Array(kept);
  for (let k = 0; k < kept; k++) {
    const i = winner[k]!;
    columns[k] = input.statement[i]!;
    values[k] = input.vote[i]!;
  }
  return { participants: input.participants, statements: input.statements, rowStart, columns, values };
}

/**
 * Builds the vote matrix from vote records. Participants are ordered by their first vote (as Pol.is adds
 * rows), statements by `statements` when given, otherwise by their first vote. Votes on statements outside a
 * given `statements` list are rejected by the caller (the CSV reader names the line); here they throw.
 */
export function buildVoteMatrix(records: readonly VoteRecord[], statements?: readonly string[]): VoteMatrix {
  const order = records.map((_, i) => i);
  const time = (i: number) => records[i]!.timestamp ?? Number.NEGATIVE_INFINITY;
  order.sort((a, b) => time(a) - time(b) || a - b);
  const participantIndex = new Map<string, number>();
  const statementIndex = new Map<string, number>();
  const statementIds: string[] = [];
  if (statements) {
    for (const id of statements) {
      if (!statementIndex.has(id)) {
        statementIndex.set(id, statementIds.length);
        statementIds.push(id);
      }
    }
  }
  const participantIds: string[] = [];
  const n = records.length;
  const participant = new Int32Array(n);
  const statement = new Int32Array(n);
  const vote = new Int8Array(n);
  const timestamp = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const record = records[i]!;
    let p = participantIndex.get(record.participantId);
    if (p === undefined) {
      p = participantIds.length;
      participantIndex.set(record.participantId, p);
      participantIds.push(record.participantId);
    }
    let s = statementIndex.get(record.statementId);
    if (s === undefined) {
      if (statements) throw new RangeError(`a vote refers to the unknown statement ${record.statementId}`);
      s = statementIds.length;
      statementIndex.set(record.statementId, s);
      statementIds.push(record.statementId);
    }
    participant[k] = p;
    statement[k] = s;
    vote[k] = record.vote;
    timestamp[k] = k;
  }
  let lastVoteTime: number | undefined;
  for (const record of records)
    if (record.timestamp !== undefined && Number.isFinite(record.timestamp))
      lastVoteTime = Math.max(lastVoteTime ?? -Infinity, record.timestamp);
  // Records are already in time order, so the position is the timestamp that decides the latest vote.
  const matrix = voteMatrixFromCodes({
    participants: participantIds,
    statements: statementIds,
    participant,
    statement,
    vote,
    timestamp,
  });
  return lastVoteTime === undefined ? matrix : { ...matrix, lastVoteTime };
}

/** Builds the vote matrix from dense rows (null = not seen), e.g. a Pol.is `participants-votes.csv`. */
export function voteMatrixFromRows(
  participants: readonly string[],
  statements: readonly string[],
  rows: readonly (readonly (Vote | null)[])[],
): VoteMatrix {
  const rowStart = new Int32Array(participants.length + 1);
  const columns: number[] = [];
  const values: number[] = [];
  participants.forEach((_, p) => {
    const row = rows[p] ?? [];
    for (let s = 0; s < statements.length; s++) {
      const v = row[s];
      if (v === null || v === undefined) continue;
      columns.push(s);
      values.push(v);
    }
    rowStart[p + 1] = columns.length;
  });
  return {
    participants,
    statements,
    rowStart,
    columns: Int32Array.from(columns),
    values: Int8Array.from(values),
  };
}
