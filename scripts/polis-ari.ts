/**
 * How well `engine-room analyse opinions` reproduces Pol.is' own opinion groups: for every conversation
 * folder under the given directories (each with comments.csv, participants-votes.csv and perhaps votes.csv,
 * as in Pol.is' exports), runs the CLI path with `--votes` + `--comments` (when votes.csv is there) and with
 * `--participants-votes` + `--comments`, and prints the adjusted Rand index of our groups against the
 * export's `group-id` column over the participants both clustered, per conversation and the median.
 *
 *   npx tsx scripts/polis-ari.ts fixtures/polis /work/polis-extra
 *
 * The group-id column is read here only, to evaluate; the analysis never sees it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { adjustedRandIndex } from '../src/analysis/opinions/ari.js';
import { parsePolisParticipantsVotes } from '../src/analysis/opinions/polis-csv.js';
import { runAnalyseOpinions } from '../src/cli/analyse-opinions.js';

interface CliResult {
  participantsIncluded: number;
  groups: { id: number; participants: string[] }[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function compare(result: CliResult, polis: Map<string, string>) {
  const ours: number[] = [];
  const theirs: string[] = [];
  for (const group of result.groups)
    for (const participant of group.participants) {
      const theirGroup = polis.get(participant);
      if (theirGroup === undefined) continue;
      ours.push(group.id);
      theirs.push(theirGroup);
    }
  return { ari: adjustedRandIndex(ours, theirs), n: ours.length };
}

const folders = process.argv
  .slice(2)
  .flatMap((root) => readdirSync(root).map((name) => join(root, name)))
  .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, 'participants-votes.csv')))
  .sort();
const byMode: Record<string, number[]> = { votes: [], 'participants-votes': [] };
for (const dir of folders) {
  const table = parsePolisParticipantsVotes(readFileSync(join(dir, 'participants-votes.csv'), 'utf8'));
  const polis = new Map<string, string>();
  for (const row of table.rows) if (row.groupId !== null) polis.set(row.participant, row.groupId);
  const nPolisGroups = new Set(polis.values()).size;
  const comments = join(dir, 'comments.csv');
  const runs: [string, Parameters<typeof runAnalyseOpinions>[0]][] = [
    ['participants-votes', { participantsVotes: join(dir, 'participants-votes.csv'), comments }],
  ];
  if (existsSync(join(dir, 'votes.csv')))
    runs.unshift(['votes', { votes: join(dir, 'votes.csv'), comments }]);
  for (const [mode, options] of runs) {
    const result = (await runAnalyseOpinions(options)) as CliResult;
    const { ari, n } = compare(result, polis);
    byMode[mode]!.push(ari);
    console.log(
      `${dir.padEnd(48)} ${mode.padEnd(19)} ARI ${ari.toFixed(3)} over ${String(n).padStart(4)} ` +
        `(groups ${result.groups.length} vs Pol.is ${nPolisGroups}; included ${result.participantsIncluded} vs ${polis.size})`,
    );
  }
}
for (const [mode, values] of Object.entries(byMode))
  if (values.length)
    console.log(`median ARI (${mode}, ${values.length} conversations): ${median(values).toFixed(3)}`);
