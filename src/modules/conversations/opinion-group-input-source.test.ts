// Opinion groups of a conversation's latest analysis as an input source, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { engines } from '../../../test/support/databases.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { analyseConversation } from './analysis-result.js';
import { castVote } from './cast-vote.js';
import { opinionGroupInputSource as source } from './opinion-group-input-source.js';
import { loadAnalysisInput, storeAnalysis } from './run-conversation-analysis.js';

const SEEDS = Array.from({ length: 8 }, (_, i) => `Statement about topic ${i + 1}.`);

describe.each(engines)('opinion group input source on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('offers each group of the latest analysis with its representative statements, without participants', async () => {
    const org = s.org.id;
    const slug = s.initiative.slug;
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      { question: 'Can the library serve 100% of you?', seeds: SEEDS },
    );
    // Before any analysis there are no groups.
    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({ inputs: 0, contributors: [] });
    // Two camps: one agrees with the first half and disagrees with the rest, the other the opposite.
    for (let p = 0; p < 12; p++) {
      const voter = idOf(await joinAsParticipant(s.t.app, s.org.slug, slug));
      for (const [i, st] of statements.entries())
        await castVote(s.t.db, org, slug, conversation.id, voter, {
          statementId: st.id,
          vote: i < 4 === p < 6 ? 'agree' : 'disagree',
        });
    }
    const input = await loadAnalysisInput(s.t.db, org, conversation.id);
    const analysis = analyseConversation(input);
    await storeAnalysis(s.t.db, org, conversation.id, input, analysis);
    expect(analysis.groups).toHaveLength(2);

    const all = await source.search(s.t.db, org, s.initiative.id, '', 10);
    expect(all.map((g) => g.id).sort()).toEqual(
      analysis.groups.map((g) => `${conversation.id}:${g.id}`).sort(),
    );
    const first = analysis.groups[0]!;
    const body = (id: string) => statements.find((st) => st.id === id)!.body;
    const item = all.find((g) => g.id === `${conversation.id}:${first.id}`)!;
    expect(item).toEqual({
      kind: 'opinion_group',
      id: `${conversation.id}:${first.id}`,
      initiativeId: s.initiative.id,
      participantId: null,
      createdAt: item.createdAt,
      label: `Group ${String.fromCharCode(65 + first.id)} of Can the library serve 100% of you?`,
      text: first.representative
        .map((r) => `${r.direction === 'agree' ? '+' : '−'} ${body(r.statementId)}`)
        .join('\n'),
      href: `/staff/initiatives/${s.initiative.id}/conversations/${conversation.id}/results`,
    });
    expect(item.text).not.toBe('');
    expect(item.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const ids = async (query: string, limit = 10) =>
      (await source.search(s.t.db, org, s.initiative.id, query, limit)).map((g) => g.id);
    expect(await ids(`group ${String.fromCharCode(97 + first.id)} OF`)).toEqual([item.id]);
    expect((await ids('100%')).sort()).toEqual(all.map((g) => g.id).sort());
    expect(await ids('1_0%')).toEqual([]);
    const repBody = body(first.representative[0]!.statementId);
    expect(await ids(repBody.toUpperCase())).toContain(item.id);
    expect(await ids('', 1)).toHaveLength(1);

    const otherOrg = s.otherInitiative.organizationId;
    expect(await source.search(s.t.db, otherOrg, s.initiative.id, '', 10)).toEqual([]);
    expect(await source.byIds(s.t.db, otherOrg, [item.id])).toEqual([]);
    expect(
      (await source.byIds(s.t.db, org, [item.id, `${conversation.id}:99`, 'no-such-group', ''])).map(
        (g) => g.id,
      ),
    ).toEqual([item.id]);
    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({ inputs: 2, contributors: [] });
    expect(await source.ofParticipant(s.t.db, org, s.consentingId)).toEqual([]);
    expect(await source.lastActivity(s.t.db, org)).toEqual([]);
  }, 120_000);
});
