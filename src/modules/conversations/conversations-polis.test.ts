// Pol.is compatibility: import a real shared conversation (all or nothing, malformed CSVs named by
// line and column) and export comments.csv, votes.csv and participants-votes.csv in Pol.is' format.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { setUpConversations, type ConversationsSetup } from '../../../test/support/conversation-setup.js';
import { engines } from '../../../test/support/databases.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import {
  adjustedRandIndex,
  parsePolisComments,
  parsePolisParticipantsVotes,
  parsePolisVotes,
} from '../../analysis/opinions/index.js';
import { settleAnalyses } from './analysis-scheduler.js';
import type { StoredAnalysis } from './analysis-result.js';
import { findResult } from './conversations.repository.js';

const shared = (conversation: string, file: string) =>
  readFileSync(new URL(`../../../fixtures/polis/${conversation}/${file}`, import.meta.url), 'utf8');

/** A multipart/form-data body as a browser sends the import form. */
function multipart(
  fields: Record<string, string>,
  files: Record<string, string>,
): { body: string; type: string } {
  const boundary = '----conversations-test-boundary';
  const parts = [
    ...Object.entries(fields).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
    ...Object.entries(files).map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.csv"\r\nContent-Type: text/csv\r\n\r\n${value}\r\n`,
    ),
  ];
  return { body: `${parts.join('')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

describe.each(engines)('Pol.is import and export on %s', (engine) => {
  let s: ConversationsSetup;
  const list = () => `/staff/initiatives/${s.initiative.id}/conversations`;

  beforeAll(async () => {
    s = await setUpConversations(engine);
  });
  afterAll(async () => s.t.close());

  it('imports a real conversation from comments.csv and votes.csv sent as files, and exports it back', async () => {
    const staff = s.staff.facilitator.client;
    await staff.get(`${list()}/import`);
    const comments = shared('london.youth.policing', 'comments.csv');
    const votes = shared('london.youth.policing', 'votes.csv');
    const { body, type } = multipart(
      { _csrf: staff.csrf, question: 'How can policing work for young Londoners?' },
      { comments, votes },
    );
    const res = await s.t.app.inject({
      method: 'POST',
      url: `${list()}/import`,
      headers: { cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': type },
      payload: body,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const base = String(res.headers.location).split('?')[0]!;
    const page = await staff.get(String(res.headers.location));
    expect(page.body).toContain('The conversation was imported.');
    expect(page.body).toContain('Closed');

    const original = parsePolisComments(comments);
    const exportedComments = parsePolisComments((await staff.get(`${base}/export/comments.csv`)).body);
    const byId = (list: typeof original) => new Map(list.map((c) => [c.commentId, c]));
    expect(exportedComments).toHaveLength(original.length);
    for (const c of original) {
      const e = byId(exportedComments).get(c.commentId)!;
      expect([e.body, e.moderated === -1]).toEqual([c.body, c.moderated === -1]);
      expect(e.authorId).toBe(c.authorId);
    }
    const votesCsv = await staff.get(`${base}/export/votes.csv`);
    expect(votesCsv.headers['content-type']).toContain('text/csv');
    expect(votesCsv.body.split('\n')[0]).toBe('timestamp,datetime,comment-id,voter-id,vote');
    const exportedVotes = parsePolisVotes(votesCsv.body);
    expect(exportedVotes).toHaveLength(638); // the latest vote per voter and comment
    const latest = new Map<string, number>();
    for (const v of parsePolisVotes(votes)) latest.set(`${v.voterId}/${v.commentId}`, v.vote);
    for (const v of exportedVotes) expect(latest.get(`${v.voterId}/${v.commentId}`)).toBe(v.vote);

    await settleAnalyses(s.t.db);
    const table = parsePolisParticipantsVotes(
      (await staff.get(`${base}/export/participants-votes.csv`)).body,
    );
    const header = (await staff.get(`${base}/export/participants-votes.csv`)).body.split('\n')[0]!;
    expect(header.startsWith('participant,group-id,n-comments,n-votes,n-agree,n-disagree,')).toBe(true);
    expect(table.commentIds).toHaveLength(original.length);
    expect(table.rows.reduce((n, r) => n + r.nVotes, 0)).toBe(638);
    expect(table.rows.filter((r) => r.groupId !== null).length).toBeGreaterThan(10);

    const report = await staff.get(`${base}/report`);
    expect(report.body).toContain('Imported from a Pol.is export.');
    expect(report.body).toContain('Group A');
  });

  it('finds the groups Pol.is found in an imported real conversation (ARI against its group-id column)', async () => {
    const staff = s.staff.facilitator.client;
    await staff.get(`${list()}/import`);
    const res = await staff.post(`${list()}/import`, {
      question: '$15 per hour in Seattle?',
      comments: shared('15-per-hour-seattle', 'comments.csv'),
      votes: shared('15-per-hour-seattle', 'votes.csv'),
    });
    expect(res.statusCode).toBe(303);
    const id = String(res.headers.location).split('/').pop()!.split('?')[0]!;
    await settleAnalyses(s.t.db);
    const analysis = JSON.parse((await findResult(s.t.db, s.org.id, id))!.result) as StoredAnalysis;
    const polis = new Map<string, string>();
    for (const row of parsePolisParticipantsVotes(shared('15-per-hour-seattle', 'participants-votes.csv'))
      .rows)
      if (row.groupId !== null) polis.set(`polis:${row.participant}`, row.groupId);
    const ours: number[] = [];
    const theirs: string[] = [];
    for (const g of analysis.groups)
      for (const p of g.participants)
        if (polis.has(p)) {
          ours.push(g.id);
          theirs.push(polis.get(p)!);
        }
    expect(ours.length).toBeGreaterThan(100);
    // What the analysis reaches on this conversation (src/analysis/opinions/analyse.test.ts), through the web.
    expect(adjustedRandIndex(ours, theirs)).toBeGreaterThanOrEqual(0.88);
  });

  it('imports participants-votes.csv alone', async () => {
    const staff = s.staff.admin.client;
    await staff.get(`${list()}/import`);
    const res = await staff.post(`${list()}/import`, {
      question: 'Brexit: where do we agree?',
      participantsVotes: shared('brexit-consensus', 'participants-votes.csv'),
    });
    expect(res.statusCode).toBe(303);
    const id = String(res.headers.location).split('/').pop()!.split('?')[0]!;
    const stored = await s.t.db
      .selectFrom('conversation_votes')
      .select(s.t.db.fn.countAll().as('n'))
      .where('conversation_id', '=', id)
      .executeTakeFirstOrThrow();
    const table = parsePolisParticipantsVotes(shared('brexit-consensus', 'participants-votes.csv'));
    expect(Number(stored.n)).toBe(
      table.rows.reduce((n, r) => n + r.votes.filter((v) => v !== null).length, 0),
    );
  });

  it('refuses a malformed CSV naming its line and column, and a vote on an unknown comment, storing nothing', async () => {
    const staff = s.staff.facilitator.client;
    await staff.get(`${list()}/import`);
    const before = await Promise.all([
      s.count('conversations'),
      s.count('conversation_statements'),
      s.count('conversation_votes'),
    ]);
    const comments =
      'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,x,0,1,0,0,1,First\n2,x,1,1,0,0,1,Second\n';
    const badVote = 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,5,1\n2,x,1,5,yes\n';
    const bad = await staff.post(`${list()}/import`, { question: 'Broken', comments, votes: badVote });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('votes.csv, line 3, column 5 (vote): &#34;yes&#34; is not a vote');
    const unknown = 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,5,1\n2,x,7,5,-1\n';
    const refused = await staff.post(`${list()}/import`, {
      question: 'Unknown comment',
      comments,
      votes: unknown,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('votes.csv, line 3, column 3 (comment-id): the vote refers to comment 7');
    const pv = 'participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,9\n5,,0,1,1,0,1,\n';
    const column = await staff.post(`${list()}/import`, {
      question: 'Unknown column',
      comments,
      participantsVotes: pv,
    });
    expect(column.statusCode).toBe(422);
    expect(column.body).toContain(
      'participants-votes.csv, line 1, column 8 (9): the column refers to comment 9',
    );
    const missing = await staff.post(`${list()}/import`, { question: 'Missing', comments });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Upload comments.csv and votes.csv, or participants-votes.csv');
    const short = await staff.post(`${list()}/import`, {
      question: 'Short row',
      comments: 'comment-id,moderated\n0\n',
      votes: badVote,
    });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('comments.csv, line 2, column 2 (moderated)');
    expect(
      await Promise.all([
        s.count('conversations'),
        s.count('conversation_statements'),
        s.count('conversation_votes'),
      ]),
    ).toEqual(before);
  });

  it('exports a conversation of the platform with participants as numbers only', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      {
        seeds: ['Alpha statement.', 'Beta statement.'],
      },
    );
    const path = `/o/${s.org.slug}/i/${s.initiative.slug}/c/${conversation.id}`;
    const person = await s.participant();
    await person.get(path);
    await person.post(`${path}/vote`, { statementId: statements[1]!.id, vote: 'disagree' });
    await person.post(`${path}/statements`, { body: 'Gamma statement.' });
    const base = `${list()}/${conversation.id}`;
    const analyst = s.staff.analyst.client;
    const comments = parsePolisComments((await analyst.get(`${base}/export/comments.csv`)).body);
    expect(comments.map((c) => [c.commentId, c.body, c.moderated, c.disagrees])).toEqual([
      ['0', 'Alpha statement.', 1, 0],
      ['1', 'Beta statement.', 1, 1],
      ['2', 'Gamma statement.', 0, 0],
    ]);
    expect(comments[2]!.authorId).toBe('0');
    const votes = parsePolisVotes((await analyst.get(`${base}/export/votes.csv`)).body);
    expect(votes.map((v) => [v.commentId, v.voterId, v.vote])).toEqual([['1', '0', -1]]);
    expect(votes[0]!.datetime).toMatch(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
    expect((await analyst.get(`${base}/export/passwords.csv`)).statusCode).toBe(404);
    expect((await s.staff.frontline.client.get(`${base}/export/votes.csv`)).statusCode).toBe(403);
  });
});
