import { describe, expect, it } from 'vitest';
import { analyseConversation, type AnalysisInput } from './analysis-result.js';

/** Two planted camps: camp A agrees with statements 0–4 and disagrees with 5–9, camp B the opposite. */
function planted(perCamp: number): AnalysisInput {
  const statements = Array.from({ length: 10 }, (_, i) => `s${i}`);
  const votes: AnalysisInput['votes'] = [];
  for (let p = 0; p < 2 * perCamp; p++) {
    const camp = p < perCamp ? 1 : -1;
    statements.forEach((statementId, i) => {
      // A few passes so the camps are not perfectly uniform.
      const vote = (p + i) % 7 === 0 ? 0 : i < 5 ? camp : -camp;
      votes.push({ participantId: `p${p}`, statementId, vote: vote as -1 | 0 | 1 });
    });
  }
  return { votes, statements, excluded: [], previousGroups: [] };
}

describe('analyseConversation', () => {
  it('finds the planted camps as two groups, with the map, representative statements and consensus', () => {
    const result = analyseConversation(planted(10));
    expect(result.voters).toBe(20);
    expect(result.points).toHaveLength(20);
    expect(result.groups).toHaveLength(2);
    const camps = result.groups.map((g) => new Set(g.participants.map((p) => Number(p.slice(1)) < 10)));
    for (const camp of camps) expect(camp.size).toBe(1);
    for (const g of result.groups) {
      expect(g.representative.length).toBeGreaterThan(0);
      for (const r of g.representative) expect(r.agreeShare).toBeGreaterThanOrEqual(0);
    }
    expect(result.divisive.length).toBeGreaterThan(0);
  });

  it('keeps group ids when rerun with the previous groups, whichever order the camps come in', () => {
    const first = analyseConversation(planted(10));
    // Give the groups swapped ids to be kept: each new group must take the id of the old group it overlaps.
    const previousGroups = first.groups.map((g, i) => ({ id: 7 + i, participants: g.participants }));
    const again = analyseConversation({ ...planted(10), previousGroups });
    for (const g of again.groups) {
      const old = previousGroups.find((p) => p.participants.includes(g.participants[0]!));
      expect(g.id).toBe(old?.id);
    }
  });

  it('leaves hidden statements out of the results', () => {
    const input = { ...planted(10), excluded: ['s0', 's9'] };
    const result = analyseConversation(input);
    const named = [
      ...result.consensus.map((c) => c.statementId),
      ...result.divisive.map((c) => c.statementId),
      ...result.groups.flatMap((g) => g.representative.map((r) => r.statementId)),
    ];
    expect(named).not.toContain('s0');
    expect(named).not.toContain('s9');
  });

  it('draws no map with fewer than four voters', () => {
    const input = planted(10);
    const few = { ...input, votes: input.votes.filter((v) => ['p0', 'p1', 'p15'].includes(v.participantId)) };
    expect(analyseConversation(few)).toEqual({
      voters: 3,
      participantsIncluded: 0,
      points: [],
      groups: [],
      consensus: [],
      divisive: [],
    });
  });

  it('is deterministic', () => {
    expect(analyseConversation(planted(8))).toEqual(analyseConversation(planted(8)));
  });
});
