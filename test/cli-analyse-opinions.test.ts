import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, parsePolisParticipantsVotes } from '../src/analysis/opinions/index.js';

const run = promisify(execFile);
const fixtures = 'fixtures/polis';

interface Output {
  participantsIncluded: number;
  groups: {
    id: number;
    participants: string[];
    representative: { statementId: string; direction: string; repness: number; agreeShare: number }[];
  }[];
  consensus: { statementId: string; score: number }[];
  projection: { participant: string; x: number; y: number }[];
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/main.ts', 'analyse', 'opinions', ...args], {
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'analyse-opinions-'));
function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

describe('engine-room analyse opinions', () => {
  it('prints one JSON object with the contract fields from votes.csv and comments.csv', async () => {
    const dir = `${fixtures}/15-per-hour-seattle`;
    const { code, stdout } = await cli([
      '--votes',
      `${dir}/votes.csv`,
      '--comments',
      `${dir}/comments.csv`,
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const output = JSON.parse(stdout) as Output;
    expect(Object.keys(output).sort()).toEqual(['consensus', 'groups', 'participantsIncluded', 'projection']);
    expect(output.participantsIncluded).toBe(138);
    const members = output.groups.flatMap((g) => g.participants);
    expect(members).toHaveLength(138);
    expect(new Set(members).size).toBe(138);
    expect(output.projection.map((p) => p.participant).sort()).toEqual([...members].sort());
    expect(output.groups.map((g) => g.id)).toEqual(output.groups.map((_, i) => i));
    const moderatedOut = ['13', '14', '15', '16', '17', '19', '21', '22', '23', '27', '30'];
    for (const group of output.groups) {
      expect(group.representative.length).toBeGreaterThan(0);
      for (const r of group.representative) {
        expect(Object.keys(r).sort()).toEqual(['agreeShare', 'direction', 'repness', 'statementId']);
        expect(['agree', 'disagree']).toContain(r.direction);
        expect(typeof r.statementId).toBe('string');
        expect(moderatedOut).not.toContain(r.statementId);
      }
    }
    for (const c of output.consensus) expect(moderatedOut).not.toContain(c.statementId);
    const scores = output.consensus.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const p of output.projection) {
      expect(typeof p.participant).toBe('string');
      expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    }
  });

  // Through the CLI as the acceptance check runs it: ARI against Pol.is' group-id column over the
  // participants both clustered, at what the pipeline reaches (see analyse.test.ts for the shared four).
  // scoop-hivemind.freshwater, scoop-hivemind.taxes, bg2050-volunteers and ssis.land-bank-farmland were held
  // out while the pipeline was tuned (bg2050-volunteers was what showed restarts isolating a lone outlier).
  it.each([
    ['15-per-hour-seattle', 'votes', 0.88],
    ['brexit-consensus', 'votes', 0.91],
    ['scoop-hivemind.ubi', 'participants-votes', 0.94],
    ['scoop-hivemind.freshwater', 'participants-votes', 0.99],
    ['scoop-hivemind.taxes', 'participants-votes', 0.82],
    ['bg2050-volunteers', 'participants-votes', 0.99],
    ['ssis.land-bank-farmland', 'participants-votes', 0.95],
  ] as const)('%s from %s.csv: groups agree with Pol.is’ (ARI ≥ %s)', async (name, mode, minimum) => {
    const dir = `${fixtures}/${name}`;
    const { code, stdout } = await cli([
      `--${mode}`,
      `${dir}/${mode}.csv`,
      '--comments',
      `${dir}/comments.csv`,
      '--json',
    ]);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Output;
    const table = parsePolisParticipantsVotes(readFileSync(`${dir}/participants-votes.csv`, 'utf8'));
    const polis = new Map(
      table.rows.flatMap((r) => (r.groupId === null ? [] : [[r.participant, r.groupId]])),
    );
    const ours: number[] = [];
    const theirs: string[] = [];
    for (const group of output.groups)
      for (const id of group.participants) {
        const other = polis.get(id);
        if (other !== undefined) {
          ours.push(group.id);
          theirs.push(other);
        }
      }
    expect(ours.length).toBeGreaterThanOrEqual(100);
    expect(adjustedRandIndex(ours, theirs)).toBeGreaterThanOrEqual(minimum);
  });

  it('reads participants-votes.csv (newer exports with xid too) with ids as in the input', async () => {
    const dir = `${fixtures}/london.youth.policing`;
    const { code, stdout } = await cli(['--participants-votes', `${dir}/participants-votes.csv`, '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as Output;
    expect(output.participantsIncluded).toBe(24);
    expect(output.groups.length).toBeGreaterThanOrEqual(2);
    const statements = new Set(output.consensus.map((c) => c.statementId));
    expect(statements.has('1')).toBe(true);
    expect(statements.has('n-disagree')).toBe(false);
  });

  it('fails with a message naming line and column for a malformed CSV, exit code 1 and no stack', async () => {
    const votes = file(
      'votes.csv',
      'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,0,2,maybe\n',
    );
    const { code, stdout, stderr } = await cli(['--votes', votes, '--json']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('line 3, column 5 (vote)');
    expect(stderr).toContain(votes);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('fails on votes referring to unknown comments, naming the line', async () => {
    const votes = file(
      'unknown.csv',
      'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,1,1\n2,x,999,2,1\n',
    );
    const { code, stderr } = await cli([
      '--votes',
      votes,
      '--comments',
      `${fixtures}/brexit-consensus/comments.csv`,
      '--json',
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain('line 3');
    expect(stderr).toContain('999');
  });

  it('fails on a missing file and on both or neither of --votes and --participants-votes', async () => {
    const missing = await cli(['--votes', join(scratch, 'nope.csv'), '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv');
    const neither = await cli(['--json']);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toMatch(/exactly one of --votes/);
    const dir = `${fixtures}/brexit-consensus`;
    const both = await cli([
      '--votes',
      `${dir}/votes.csv`,
      '--participants-votes',
      `${dir}/participants-votes.csv`,
    ]);
    expect(both.code).toBe(1);
    expect(both.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
