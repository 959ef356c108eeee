// The scheduler: votes never wait for the analysis, a burst of votes costs one run, and a run that
// is under way when more votes arrive is followed by another.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { setUpConversations, type ConversationsSetup } from '../../../test/support/conversation-setup.js';
import { engines } from '../../../test/support/databases.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import {
  countAnalysisRuns,
  requestAnalysis,
  settleAnalyses,
  startAnalysisScheduler,
} from './analysis-scheduler.js';
import { findResult } from './conversations.repository.js';

describe.each(engines)('the analysis scheduler on %s', (engine) => {
  let s: ConversationsSetup;

  beforeAll(async () => {
    s = await setUpConversations(engine);
    // A debounce longer than any test: nothing runs until the test settles the scheduler.
    startAnalysisScheduler(s.t.db, { log: (error) => console.error(error), debounceMs: 600_000 });
  });
  afterAll(async () => s.t.close());

  it('answers votes at once and runs the analysis once for a burst of votes', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
    );
    const path = `/o/${s.org.slug}/i/${s.initiative.slug}/c/${conversation.id}`;
    const runs = countAnalysisRuns(s.t.db);
    for (let p = 0; p < 5; p++) {
      const person = await s.participant();
      await person.get(path);
      for (const st of statements)
        expect((await person.post(`${path}/vote`, { statementId: st.id, vote: 'agree' })).statusCode).toBe(
          303,
        );
    }
    // Twenty votes stored, no analysis yet: the requests did not wait for it.
    expect(await findResult(s.t.db, s.org.id, conversation.id)).toBeUndefined();
    expect(countAnalysisRuns(s.t.db)).toBe(runs);
    await settleAnalyses(s.t.db);
    expect(countAnalysisRuns(s.t.db)).toBe(runs + 1);
    expect((await findResult(s.t.db, s.org.id, conversation.id))?.voteCount).toBe(20);
  });

  it('follows a run that is under way with another when more votes arrive meanwhile', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      {
        question: 'Second conversation?',
      },
    );
    const path = `/o/${s.org.slug}/i/${s.initiative.slug}/c/${conversation.id}`;
    const person = await s.participant();
    await person.get(path);
    await person.post(`${path}/vote`, { statementId: statements[0]!.id, vote: 'agree' });
    const runs = countAnalysisRuns(s.t.db);
    const settling = settleAnalyses(s.t.db);
    // While that run works, another vote arrives and asks again.
    await person.post(`${path}/vote`, { statementId: statements[1]!.id, vote: 'disagree' });
    requestAnalysis(s.t.db, s.org.id, conversation.id);
    await settling;
    await settleAnalyses(s.t.db);
    expect(countAnalysisRuns(s.t.db)).toBeGreaterThanOrEqual(runs + 2);
    expect((await findResult(s.t.db, s.org.id, conversation.id))?.voteCount).toBe(2);
  });
});
