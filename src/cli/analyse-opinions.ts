import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  analyseOpinions,
  buildVoteMatrix,
  inferMetaStatements,
  latestCommentTime,
  parsePolisComments,
  parsePolisParticipantsVotes,
  parsePolisVotes,
  polisExcludedStatements,
  polisJoinOrder,
  polisVoteRecords,
  PolisCsvError,
  voteMatrixFromRows,
  type VoteMatrix,
} from '../analysis/opinions/index.js';

interface Options {
  votes?: string;
  participantsVotes?: string;
  comments?: string;
  json?: boolean;
}

/** A problem the user can fix; printed as one line without a stack trace. */
class UsageError extends Error {}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `cannot read ${path}: no such file` : `cannot read ${path}: ${String(code)}`,
    );
  }
}

/** The analysis as the CLI contract prints it: ids as in the input, groups in id order. */
export async function runAnalyseOpinions(options: Options): Promise<object> {
  if (Boolean(options.votes) === Boolean(options.participantsVotes))
    throw new UsageError(
      'give exactly one of --votes <votes.csv> or --participants-votes <participants-votes.csv>',
    );
  const comments = options.comments
    ? parsePolisComments(await readText(options.comments), options.comments)
    : undefined;
  // Moderated-out comments and meta (demographic) statements: marked in an `is-meta` column when the file
  // has one, otherwise inferred from the text (Pol.is' own exports do not mark them; see inferMetaStatements).
  const excluded = comments
    ? [...new Set([...polisExcludedStatements(comments), ...inferMetaStatements(comments)])]
    : [];
  let matrix: VoteMatrix;
  if (options.votes) {
    const known = comments ? new Set(comments.map((c) => c.commentId)) : undefined;
    const votes = parsePolisVotes(await readText(options.votes), options.votes, known);
    matrix = buildVoteMatrix(polisVoteRecords(votes));
  } else {
    const path = options.participantsVotes!;
    const table = parsePolisParticipantsVotes(await readText(path), path);
    if (comments) {
      const known = new Set(comments.map((c) => c.commentId));
      const index = table.commentIds.findIndex((id) => !known.has(id));
      if (index >= 0)
        throw new UsageError(
          `${path} line 1: the column ${table.commentIds[index]} refers to a comment that is not in ${options.comments}`,
        );
    }
    const rows = polisJoinOrder(table.rows);
    matrix = voteMatrixFromRows(
      rows.map((r) => r.participant),
      table.commentIds,
      rows.map((r) => r.votes),
    );
    // This file has no vote dates; the latest comment's date stands in for the last vote's, so that the
    // analysis follows the Pol.is algorithm of the export's time as it does with votes.csv.
    const lastCommentTime = comments ? latestCommentTime(comments) : undefined;
    if (lastCommentTime !== undefined) matrix = { ...matrix, lastVoteTime: lastCommentTime };
  }
  const analysis = analyseOpinions(matrix, { excludedStatements: excluded });
  return {
    participantsIncluded: analysis.participantsIncluded,
    groups: analysis.groups.map((group) => ({
      id: group.id,
      participants: group.participants,
      representative: group.representative.map((r) => ({
        statementId: r.statementId,
        direction: r.direction,
        repness: r.repness,
        agreeShare: r.agreeShare,
      })),
    })),
    consensus: analysis.consensus.map((c) => ({ statementId: c.statementId, score: c.score })),
    projection: matrix.participants.flatMap((participant, p) =>
      analysis.included[p] ? [{ participant, x: analysis.x[p]!, y: analysis.y[p]! }] : [],
    ),
  };
}

/**
 * `engine-room analyse opinions (--votes votes.csv | --participants-votes participants-votes.csv)
 * [--comments comments.csv] --json`: the Pol.is opinion analysis of an exported conversation, as one JSON
 * object on stdout. Bad input gives a one-line message on stderr and exit code 1.
 */
export function registerAnalyseOpinions(analyse: Command): void {
  analyse
    .command('opinions')
    .description('opinion groups, representative and consensus statements of a Pol.is export')
    .option('--votes <file>', 'Pol.is votes.csv (the latest vote per voter and comment counts)')
    .option('--participants-votes <file>', 'Pol.is participants-votes.csv')
    .option(
      '--comments <file>',
      'Pol.is comments.csv: moderated-out comments and meta statements (an is-meta column, else the owner’s first-person statements about the speaker) are left out',
    )
    .option('--json', 'print the result as one JSON object (the only output format)')
    .action(async (options: Options) => {
      try {
        const result = await runAnalyseOpinions(options);
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } catch (error) {
        if (error instanceof UsageError || error instanceof PolisCsvError) {
          process.stderr.write(`engine-room analyse opinions: ${error.message}\n`);
          process.exitCode = 1;
          return;
        }
        throw error;
      }
    });
}
