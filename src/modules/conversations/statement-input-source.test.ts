// Conversation statements as an input source for decisions and the feedback loop, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { engines } from '../../../test/support/databases.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { eraseMyData } from '../participants/erase-my-data.js';
import { castVote } from './cast-vote.js';
import { moderateStatement } from './moderate-statement.js';
import { statementInputSource as source } from './statement-input-source.js';
import { submitStatement } from './submit-statement.js';

describe.each(engines)('conversation statement input source on %s', (engine) => {
  let s: InterviewsSetup;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
  });
  afterAll(async () => s.t.close());

  it('offers published statements with their authors, counts votes as activity, forgets the erased', async () => {
    const org = s.org.id;
    const slug = s.initiative.slug;
    const facilitator = actorOf(s.staff.facilitator);
    const open = await buildConversation(s.t.db, facilitator, s.initiative.id, { moderation: 'after' });
    const moderated = await buildConversation(s.t.db, facilitator, s.initiative.id, {
      question: 'What about parking?',
      moderation: 'before',
      seeds: [],
    });
    const draft = await buildConversation(s.t.db, facilitator, s.initiative.id, {
      seeds: ['A draft seed nobody saw.'],
      open: false,
    });
    await buildConversation(s.t.db, actorOf(s.otherAdmin), s.otherInitiative.id);
    const other = idOf(await joinAsParticipant(s.t.app, s.org.slug, slug));

    const { statement: mine } = await submitStatement(
      s.t.db,
      org,
      slug,
      open.conversation.id,
      s.consentingId,
      {
        body: 'Sunday opening, 100% please',
      },
    );
    const { statement: spam } = await submitStatement(s.t.db, org, slug, open.conversation.id, other, {
      body: 'Buy cheap watches',
    });
    await moderateStatement(s.t.db, facilitator, s.initiative.id, open.conversation.id, spam.id, {
      decision: 'hide',
      reason: 'spam',
    });
    const { statement: waiting } = await submitStatement(
      s.t.db,
      org,
      slug,
      moderated.conversation.id,
      other,
      { body: 'More bike racks' },
    );
    await castVote(s.t.db, org, slug, open.conversation.id, other, {
      statementId: open.statements[0]!.id,
      vote: 'agree',
    });

    const ids = async (query: string, limit = 20) =>
      (await source.search(s.t.db, org, s.initiative.id, query, limit)).map((i) => i.id);
    expect(await ids('SUNDAY opening')).toEqual([mine.id]);
    expect(await ids('100%')).toEqual([mine.id]);
    expect(await ids('1_0%')).toEqual([]);
    // Hidden, waiting and draft statements are not input.
    expect(await ids('watches')).toEqual([]);
    expect(await ids('bike racks')).toEqual([]);
    expect(await ids('draft seed')).toEqual([]);
    expect(new Set(await ids(''))).toEqual(new Set([mine.id, ...open.statements.map((st) => st.id)]));
    expect(await ids('', 2)).toHaveLength(2);
    const otherOrg = s.otherInitiative.organizationId;
    expect(await source.search(s.t.db, otherOrg, s.initiative.id, '', 10)).toEqual([]);
    expect(await source.byIds(s.t.db, otherOrg, [mine.id])).toEqual([]);
    expect(
      (await source.byIds(s.t.db, org, [mine.id, spam.id, waiting.id, draft.statements[0]!.id, 'nope'])).map(
        (i) => i.id,
      ),
    ).toEqual([mine.id]);

    const [item] = await source.byIds(s.t.db, org, [mine.id]);
    expect(item).toEqual({
      kind: 'conversation_statement',
      id: mine.id,
      initiativeId: s.initiative.id,
      participantId: s.consentingId,
      createdAt: mine.createdAt,
      label: 'Sunday opening, 100% please',
      text: 'Sunday opening, 100% please',
      href: `/staff/initiatives/${s.initiative.id}/conversations/${open.conversation.id}`,
    });
    // A staff seed has no participant.
    expect((await source.byIds(s.t.db, org, [open.statements[0]!.id]))[0]!.participantId).toBeNull();

    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({
      inputs: open.statements.length + 1,
      contributors: [s.consentingId],
    });
    expect(await source.census(s.t.db, otherOrg, s.initiative.id)).toEqual({ inputs: 0, contributors: [] });
    expect(await source.ofParticipant(s.t.db, org, s.consentingId)).toEqual([item]);
    expect(await source.ofParticipant(s.t.db, org, other)).toEqual([]);

    // The other participant's latest activity is their vote, after their statements.
    const activity = new Map((await source.lastActivity(s.t.db, org)).map((a) => [a.participantId, a.at]));
    const vote = await s.t.db
      .selectFrom('conversation_votes')
      .select('voted_at')
      .where('participant_id', '=', other)
      .executeTakeFirstOrThrow();
    expect(activity.get(other)).toBe(vote.voted_at);
    expect(activity.get(s.consentingId)).toBe(mine.createdAt);
    expect(await source.lastActivity(s.t.db, otherOrg)).toEqual([]);

    await eraseMyData(s.t.db, org, s.consentingId, { confirm: 'ERASE' });
    expect((await source.byIds(s.t.db, org, [mine.id]))[0]!.participantId).toBeNull();
    expect(await source.census(s.t.db, org, s.initiative.id)).toEqual({
      inputs: open.statements.length + 1,
      contributors: [],
    });
    expect(await source.ofParticipant(s.t.db, org, s.consentingId)).toEqual([]);
    expect((await source.lastActivity(s.t.db, org)).map((a) => a.participantId)).toEqual([other]);
  });
});
