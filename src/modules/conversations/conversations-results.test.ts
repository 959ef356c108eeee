// The analysis runs in the worker as votes arrive; pages read the stored result: the participant's map
// with "you are here", the staff results page and the printable report.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { setUpConversations, type ConversationsSetup } from '../../../test/support/conversation-setup.js';
import { engines } from '../../../test/support/databases.js';
import type { FormClient } from '../../../test/support/http-client.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { PARTICIPANT_COOKIE } from '../participants/participant-cookie.js';
import { settleAnalyses } from './analysis-scheduler.js';
import type { StoredAnalysis } from './analysis-result.js';
import type { Statement } from './conversations.table.js';
import { findResult } from './conversations.repository.js';

const SEEDS = Array.from({ length: 8 }, (_, i) => `Statement about topic ${i + 1}.`);
const idOf = (client: FormClient) => (client.cookies.get(PARTICIPANT_COOKIE) ?? '').split('.')[0] ?? '';

describe.each(engines)('conversation results on %s', (engine) => {
  let s: ConversationsSetup;
  let conversationId: string;
  let statements: Statement[];
  const people: FormClient[] = [];
  const path = () => `/o/${s.org.slug}/i/${s.initiative.slug}/c/${conversationId}`;
  const staffBase = () => `/staff/initiatives/${s.initiative.id}/conversations/${conversationId}`;

  /** Votes as camp A (agrees with the first half) or camp B (the opposite), through the vote form. */
  async function voteAs(person: FormClient, camp: 1 | -1, only?: number): Promise<void> {
    await person.get(path());
    for (const [i, st] of statements.entries()) {
      if (only !== undefined && i >= only) break;
      const v = (i < 4 ? camp : -camp) === 1 ? 'agree' : 'disagree';
      const res = await person.post(`${path()}/vote`, { statementId: st.id, vote: v });
      expect(res.statusCode).toBe(303);
    }
  }

  beforeAll(async () => {
    s = await setUpConversations(engine);
    ({
      conversation: { id: conversationId },
      statements,
    } = await buildConversation(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, { seeds: SEEDS }));
    for (let i = 0; i < 12; i++) {
      const person = await s.participant();
      people.push(person);
      await voteAs(person, i < 6 ? 1 : -1);
    }
  }, 120_000);
  afterAll(async () => s.t.close());

  it('runs the analysis off the request and stores the groups, the map, repness and consensus', async () => {
    await settleAnalyses(s.t.db);
    const stored = await findResult(s.t.db, s.org.id, conversationId);
    expect(stored?.voteCount).toBe(12 * 8);
    const analysis = JSON.parse(stored!.result) as StoredAnalysis;
    expect(analysis.voters).toBe(12);
    expect(analysis.groups).toHaveLength(2);
    const campA = new Set(people.slice(0, 6).map(idOf));
    for (const g of analysis.groups) {
      const inA = g.participants.filter((p) => campA.has(p)).length;
      expect([0, 6]).toContain(inA);
      expect(g.participants).toHaveLength(6);
    }
  });

  it('shows a participant who voted enough the map with “you are here”, their group and the consensus', async () => {
    await settleAnalyses(s.t.db);
    const page = await people[0]!.get(`${path()}/map`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('You are here');
    expect(page.body).toMatch(/You are in group [AB], with 6 participants\./);
    expect(page.body).toContain('Opinion groups');
    expect(page.body).toContain('What nearly everyone agrees on');
    expect(page.body).toMatch(/\d+ % of the group agree|\d+% of the group agree/);
  });

  it('asks a participant who has not voted enough to vote more', async () => {
    const newcomer = await s.participant();
    await voteAs(newcomer, 1, 2);
    const page = await newcomer.get(`${path()}/map`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Vote on at least 7 statements to see where you stand. You have voted on 2.');
    expect(page.body).not.toContain('<svg');
  });

  it('keeps the groups’ ids when new votes arrive and the analysis reruns', async () => {
    await settleAnalyses(s.t.db);
    const before = JSON.parse((await findResult(s.t.db, s.org.id, conversationId))!.result) as StoredAnalysis;
    const idFor = (a: StoredAnalysis, key: string) => a.groups.find((g) => g.participants.includes(key))?.id;
    const late = await s.participant();
    await voteAs(late, -1);
    await settleAnalyses(s.t.db);
    const after = JSON.parse((await findResult(s.t.db, s.org.id, conversationId))!.result) as StoredAnalysis;
    expect(after.voters).toBe(before.voters + 1);
    for (const p of people) expect(idFor(after, idOf(p))).toBe(idFor(before, idOf(p)));
    expect(idFor(after, idOf(late))).toBe(idFor(after, idOf(people[11]!)));
  });

  it('shows staff the results and a printable report', async () => {
    await settleAnalyses(s.t.db);
    const results = await s.staff.analyst.client.get(`${staffBase()}/results`);
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain('<svg');
    expect(results.body).not.toContain('You are here');
    expect(results.body).toContain('Group A');
    expect(results.body).toContain('Where the groups differ most');
    const report = await s.staff.frontline.client.get(`${staffBase()}/report`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('class="report"');
    expect(report.body).toContain('Report: How can the library serve you better?');
    const other = await s.otherAdmin.client.get(`${staffBase()}/report`);
    expect(other.statusCode).toBe(404);
  });
});
