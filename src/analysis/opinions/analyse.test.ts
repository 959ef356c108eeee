import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseOpinions, selectParticipants } from './analyse.js';
import { adjustedRandIndex } from './ari.js';
import { buildVoteMatrix, voteMatrixFromRows, type Vote, type VoteRecord } from './matrix.js';
import {
  parsePolisComments,
  parsePolisParticipantsVotes,
  parsePolisVotes,
  polisVoteRecords,
} from './polis-csv.js';
import { seededRandom } from './random.js';

/** Planted groups: members of group g agree with statement s with probability profile[g][s], pass 10 %. */
function planted(sizes: number[], nS: number, votesEach: number, seed: number) {
  const random = seededRandom(seed);
  const profiles = sizes.map((_, g) =>
    Array.from({ length: nS }, (_, s) =>
      Math.cos(s * 2.4 + (g * 2 * Math.PI) / sizes.length) > 0 ? 0.9 : 0.1,
    ),
  );
  const records: VoteRecord[] = [];
  const truth = new Map<string, number>();
  let id = 0;
  sizes.forEach((size, g) => {
    for (let i = 0; i < size; i++) {
      const participantId = `u${id++}`;
      truth.set(participantId, g);
      const seen = new Set<number>();
      while (seen.size < votesEach) seen.add(Math.floor(random() * nS));
      for (const s of seen) {
        const r = random();
        const vote: Vote = r < 0.1 ? 0 : random() < profiles[g]![s]! ? 1 : -1;
        records.push({ participantId, statementId: `s${s}`, vote, timestamp: random() });
      }
    }
  });
  return { records, truth };
}

function ariAgainst(
  truth: Map<string, number | string>,
  participants: readonly string[],
  groupOf: Int32Array,
) {
  const ours: number[] = [];
  const theirs: (number | string)[] = [];
  participants.forEach((id, p) => {
    const t = truth.get(id);
    if (groupOf[p]! >= 0 && t !== undefined) {
      ours.push(groupOf[p]!);
      theirs.push(t);
    }
  });
  return { ari: adjustedRandIndex(ours, theirs), n: ours.length };
}

describe('analyseOpinions on planted groups', () => {
  const { records, truth } = planted([120, 80, 50], 60, 20, 11);
  const matrix = buildVoteMatrix(records);

  it('recovers the groups, their number and what sets them apart', () => {
    const analysis = analyseOpinions(matrix);
    expect(analysis.groups).toHaveLength(3);
    expect(ariAgainst(truth, matrix.participants, analysis.groupOf).ari).toBeGreaterThan(0.9);
    expect(analysis.groups.map((g) => g.participants.length)).toEqual(
      [...analysis.groups.map((g) => g.participants.length)].sort((a, b) => b - a),
    );
    for (const group of analysis.groups) {
      expect(group.representative.length).toBeGreaterThan(0);
      expect(group.representative.length).toBeLessThanOrEqual(5);
      for (const r of group.representative) {
        expect(r.statementId).toBe(matrix.statements[r.statement]);
        expect(r.agreeShare).toBeGreaterThanOrEqual(0);
        expect(r.agreeShare).toBeLessThanOrEqual(1);
      }
    }
    expect(analysis.consensus.length).toBe(60);
    expect(analysis.divisive[0]!.score).toBeGreaterThan(0.5);
  });

  it('gives the same output for the same input', () => {
    const first = analyseOpinions(matrix);
    const second = analyseOpinions(buildVoteMatrix(records));
    expect(Array.from(second.x)).toEqual(Array.from(first.x));
    expect(second.groups.map((g) => [g.id, g.participants, g.representative])).toEqual(
      first.groups.map((g) => [g.id, g.participants, g.representative]),
    );
    expect(second.consensus).toEqual(first.consensus);
  });

  it('keeps group ids across reruns by overlap with the previous groups', () => {
    const first = analyseOpinions(matrix);
    // Pretend the earlier run had numbered the groups differently, 7, 3 and 5.
    const previous = first.groups.map((g, i) => ({ id: [7, 3, 5][i]!, participants: g.participants }));
    const more = [...records, { participantId: 'late', statementId: 's1', vote: 1 as Vote, timestamp: 2 }];
    const second = analyseOpinions(buildVoteMatrix(more), { previousGroups: previous });
    for (const old of previous) {
      const match = second.groups.find((g) => g.id === old.id);
      expect(match).toBeDefined();
      const members = new Set(match!.participants);
      expect(old.participants.filter((id) => members.has(id)).length).toBeGreaterThan(
        old.participants.length * 0.9,
      );
    }
  });

  it('leaves moderated-out statements out of representative and consensus statements', () => {
    const analysis = analyseOpinions(matrix, { excludedStatements: ['s0', 's1', 's2'] });
    const mentioned = [
      ...analysis.groups.flatMap((g) => g.representative.map((r) => r.statementId)),
      ...analysis.consensus.map((c) => c.statementId),
      ...analysis.divisive.map((c) => c.statementId),
    ];
    expect(mentioned.some((id) => ['s0', 's1', 's2'].includes(id))).toBe(false);
    expect(analysis.consensus.length).toBe(57);
  });
});

describe('selectParticipants (Pol.is in-conv)', () => {
  const rows = (counts: number[], nS: number) =>
    voteMatrixFromRows(
      counts.map((_, p) => `p${p}`),
      Array.from({ length: nS }, (_, s) => `s${s}`),
      counts.map((n) => Array.from({ length: nS }, (_, s) => (s < n ? 1 : null))),
    );

  it('takes participants with at least 7 votes, then the most active up to 15', () => {
    const counts = [...Array<number>(20).fill(7), 6, 5, 1];
    expect(Array.from(selectParticipants(rows(counts, 10), 7, 15))).toEqual([
      ...Array<number>(20).fill(1),
      0,
      0,
      0,
    ]);
    const few = [9, 8, 7, 6, 6, 5, 1, 0];
    // Three qualify; the others join by activity (ties by order); nobody without a vote.
    expect(Array.from(selectParticipants(rows(few, 10), 7, 15))).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('needs only as many votes as there are statements in a small conversation', () => {
    const counts = [...Array<number>(16).fill(3), 2];
    expect(Array.from(selectParticipants(rows(counts, 3), 7, 15))).toEqual([...Array<number>(16).fill(1), 0]);
  });
});

describe('analyseOpinions on real Pol.is conversations', () => {
  const fixture = (name: string, file: string) =>
    readFileSync(new URL(`../../../fixtures/polis/${name}/${file}`, import.meta.url), 'utf8');

  // ARI against the group-id column over the participants both clustered. Pol.is updates its clusters
  // incrementally from the previous run's, so a run from scratch cannot be expected to reproduce every
  // export: in scoop-hivemind.ubi and london.youth.policing Pol.is' groups are not separable in any
  // 2-D PCA projection of the final votes (nearest-group-mean ARI ≤ 0.6), so only the inclusion rule is
  // checked there.
  it.each([
    ['15-per-hour-seattle', 0.4],
    ['brexit-consensus', 0.4],
    ['scoop-hivemind.ubi', undefined],
    ['london.youth.policing', undefined],
  ] as const)('%s', (name, minimumAri) => {
    const comments = parsePolisComments(fixture(name, 'comments.csv'));
    const votes = parsePolisVotes(
      fixture(name, 'votes.csv'),
      'votes.csv',
      new Set(comments.map((c) => c.commentId)),
    );
    const table = parsePolisParticipantsVotes(fixture(name, 'participants-votes.csv'));
    const matrix = buildVoteMatrix(polisVoteRecords(votes));
    const analysis = analyseOpinions(matrix, {
      excludedStatements: comments.filter((c) => c.moderated === -1).map((c) => c.commentId),
    });
    const polis = new Map<string, string>();
    for (const row of table.rows) if (row.groupId !== null) polis.set(row.participant, row.groupId);
    const { ari, n } = ariAgainst(polis, matrix.participants, analysis.groupOf);
    console.log(`${name}: ARI ${ari.toFixed(3)} over ${n} participants, ${analysis.groups.length} groups`);
    // Everyone we cluster with 7 or more votes, Pol.is clustered too.
    matrix.participants.forEach((id, p) => {
      const votesCast = matrix.rowStart[p + 1]! - matrix.rowStart[p]!;
      if (analysis.included[p] && votesCast >= 7) expect(polis.has(id)).toBe(true);
    });
    expect(n).toBeGreaterThanOrEqual(20);
    if (minimumAri !== undefined) expect(ari).toBeGreaterThanOrEqual(minimumAri);
  });
});
