// The link and review facts the feedback loop reads, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { postParticipantIdea } from '../ideas/post-idea.js';
import { linkInput } from './link-input.js';
import { listLinkFacts, listLinkFactsOfParticipant, listReviewFacts, markLinksTold } from './loop-facts.js';
import { recordDecision } from './record-decision.js';

describe.each(engines)('feedback loop facts on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('lists links with their decision and contributor, scoped by organization, and records telling', async () => {
    const actor = actorOf(s.staff.facilitator);
    const decision = await recordDecision(s.t.db, actor, s.initiative.id, {
      title: 'Open later on Thursdays',
      decidedBy: 'management',
      decidedOn: '2026-11-20',
      status: 'in_pilot',
    });
    const idea = await postParticipantIdea(s.t.db, s.org.id, s.initiative.slug, s.consentingId, {
      title: 'Longer opening hours',
      description: 'Open until eight.',
      problem: 'People who work cannot come.',
    });
    const link = await linkInput(s.t.db, actor, s.initiative.id, decision.id, {
      inputKind: 'idea',
      inputId: idea.id,
    });

    const [fact] = await listLinkFacts(s.t.db, s.org.id, s.initiative.id);
    expect(fact).toEqual({
      linkId: link.id,
      decisionId: decision.id,
      initiativeId: s.initiative.id,
      decisionStatus: 'in_pilot',
      decisionUpdatedAt: decision.createdAt,
      inputKind: 'idea',
      inputId: idea.id,
      participantId: s.consentingId,
      linkedAt: link.linkedAt,
      toldAt: null,
    });
    expect(await listLinkFacts(s.t.db, s.org.id, null)).toHaveLength(1);
    expect(await listLinkFacts(s.t.db, s.otherInitiative.organizationId, null)).toEqual([]);
    expect(await listLinkFactsOfParticipant(s.t.db, s.org.id, 'someone-else')).toEqual([]);

    // Another organization cannot mark this organization's links.
    await markLinksTold(s.t.db, s.otherInitiative.organizationId, [link.id], '2026-11-24T10:00:00.000Z');
    expect((await listLinkFactsOfParticipant(s.t.db, s.org.id, s.consentingId))[0]!.toldAt).toBeNull();
    await markLinksTold(s.t.db, s.org.id, [link.id], '2026-11-24T10:00:00.000Z');
    expect((await listLinkFactsOfParticipant(s.t.db, s.org.id, s.consentingId))[0]!.toldAt).toBe(
      '2026-11-24T10:00:00.000Z',
    );
    expect(await listReviewFacts(s.t.db, s.org.id, s.initiative.id)).toEqual([]);
  });
});
