// "My participation" over the real HTTP stack on both engines: contributions by initiative and what
// became of each, news marked and then told (so the digest does not repeat it), the mail choice,
// the export and erasure of that choice, and hostile unsubscribe links.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { linkInput } from '../decisions/link-input.js';
import { listLinkFactsOfParticipant } from '../decisions/loop-facts.js';
import { editDecision, recordDecision } from '../decisions/record-decision.js';
import { postParticipantIdea } from '../ideas/post-idea.js';
import type { MyDataExport } from '../participants/export-my-data.js';
import { enqueueFollowUpDigests } from './enqueue-follow-up-digests.js';
import { participantOfToken, unsubscribeToken } from './unsubscribe-token.js';

const decision = {
  title: 'Opening hours stay',
  decidedBy: 'management',
  decidedOn: '2026-11-21',
  status: 'not_adopted',
  notAdoptedReason: 'The budget for staff is spent until next year.',
};

describe.each(engines)('my participation on %s', (engine) => {
  let s: InterviewsSetup;
  let client: FormClient;
  let participantId: string;
  let page: string;
  let linkedIdea: string;
  let decisionId: string;

  const digest = (now = new Date(Date.now() + 60 * 60_000)) =>
    enqueueFollowUpDigests(s.t.db, {
      publicUrl: s.t.config.publicUrl,
      secret: s.t.config.sessionSecret,
      translatorFor: (locale) => s.t.app.deps.i18n.getFixedT(locale),
      quietMinutes: 10,
      now,
    });

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    client = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, {
      email: 'eve@example.org',
      followUp: 'true',
    });
    participantId = idOf(client);
    page = `/o/${s.org.slug}/me/participation`;
    const post = (title: string) =>
      postParticipantIdea(s.t.db, s.org.id, s.initiative.slug, participantId, {
        title,
        description: `${title}, please.`,
        problem: 'It is hard today.',
      });
    linkedIdea = (await post('Longer opening hours')).id;
    await post('A quiet reading room');
    const actor = actorOf(s.staff.facilitator);
    decisionId = (await recordDecision(s.t.db, actor, s.initiative.id, decision)).id;
    await linkInput(s.t.db, actor, s.initiative.id, decisionId, { inputKind: 'idea', inputId: linkedIdea });
  }, 60_000);
  afterAll(async () => s.t.close());

  it('lists each contribution by initiative with what became of it, and showing news tells it', async () => {
    const first = await client.get(page);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(first.body).toContain(`<h2 id="initiative-${s.initiative.id}">`);
    expect(first.body).toContain('Longer opening hours');
    expect(first.body).toContain('Decision: Opening hours stay (not adopted)');
    expect(first.body).toContain('Why not: The budget for staff is spent until next year.');
    expect(first.body).toContain('A quiet reading room');
    expect(first.body).toContain('Not yet considered in a decision.');
    expect(first.body).toContain('There is 1 new decision about your input since you last looked.');
    expect(first.body).toContain('>New</strong>');
    expect(first.body).toContain('Stop these mails');

    // Shown is told: the link is marked and the digest has nothing to send.
    const [fact] = await listLinkFactsOfParticipant(s.t.db, s.org.id, participantId);
    expect(fact?.toldAt).not.toBeNull();
    expect(await digest()).toEqual({ mailed: 0, waiting: 0, silent: 0 });

    const again = await client.get(page);
    expect(again.body).not.toContain('>New</strong>');
    expect(again.body).not.toContain('since you last looked');
  });

  it('marks a decision that changed since as news again, in Danish for a Danish reader', async () => {
    await new Promise((r) => setTimeout(r, 5));
    await editDecision(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, decisionId, {
      ...decision,
      status: 'adopted',
      notAdoptedReason: '',
    });
    client.cookies.set('er_lang', 'da');
    const res = await client.get(page);
    client.cookies.delete('er_lang');
    expect(res.body).toContain('<h1>Min deltagelse</h1>');
    expect(res.body).toContain('Beslutning: Opening hours stay (vedtaget)');
    expect(res.body).toContain('>Nyt</strong>');
    expect(res.body).not.toContain('Hvorfor ikke');
  });

  it('stops and restarts follow-up mail, exports the choice and forgets it on erasure', async () => {
    const off = await client.post(`${page}/mail`, { mail: 'off' });
    expect(off.statusCode).toBe(303);
    expect(off.headers.location).toBe(`${page}?notice=mailOff`);
    const stopped = await client.get(`${page}?notice=mailOff`);
    expect(stopped.body).toContain('You will get no more mail about what becomes of your input.');
    expect(stopped.body).toContain('Send me these mails again');
    let exported = JSON.parse((await client.get(`/o/${s.org.slug}/me/data.json`)).body) as MyDataExport;
    expect(exported.followUpMail.unsubscribed).toBe(true);
    expect(exported.followUpMail.unsubscribedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    const bad = await client.post(`${page}/mail`, { mail: 'maybe' });
    expect(bad.statusCode).toBe(422);

    expect((await client.post(`${page}/mail`, { mail: 'on' })).headers.location).toBe(
      `${page}?notice=mailOn`,
    );
    exported = JSON.parse((await client.get(`/o/${s.org.slug}/me/data.json`)).body) as MyDataExport;
    expect(exported.followUpMail).toEqual({ unsubscribed: false, unsubscribedAt: null });

    const me = await client.get(`/o/${s.org.slug}/me`);
    expect(me.body).toContain(`href="${page}"`);
    expect(me.body).toContain('Go to My participation');

    await client.post(`${page}/mail`, { mail: 'off' });
    const erased = await client.post(`/o/${s.org.slug}/me/erase`, { confirm: 'ERASE' });
    expect(erased.statusCode).toBe(303);
    const rows = await s.t.db
      .selectFrom('follow_up_subscriptions')
      .selectAll()
      .where('participant_id', '=', participantId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('tells a visitor without a participant cookie that there is nothing here, and says who is needed for mail', async () => {
    const res = await new FormClient(s.t.app).get(page);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('has not taken part');
    const silent = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const own = await silent.get(page);
    expect(own.body).toContain('You have not contributed anything yet.');
    expect(own.body).toContain('give an email address and agree to follow-up');
    expect((await silent.post(`${page}/mail`, {})).statusCode).toBe(422);
  });

  it('answers bad, tampered and foreign unsubscribe links with a clear page, never a 500', async () => {
    const token = unsubscribeToken(s.t.config.sessionSecret, s.org.id, s.consentingId);
    expect(participantOfToken(s.t.config.sessionSecret, s.org.id, token)).toBe(s.consentingId);
    expect(participantOfToken('another-secret', s.org.id, token)).toBeUndefined();
    expect(participantOfToken(s.t.config.sessionSecret, 'another-org', token)).toBeUndefined();
    const foreign = unsubscribeToken(
      s.t.config.sessionSecret,
      s.otherInitiative.organizationId,
      s.consentingId,
    );
    const tampered = `${token.slice(0, -2)}xx`;
    const swapped = `someone-else.${token.split('.')[1]}`;
    for (const bad of [tampered, swapped, foreign, 'nonsense', '.', 'a'.repeat(250), '%00%ff', '..%2f..']) {
      const visitor = new FormClient(s.t.app);
      const res = await visitor.get(`/o/${s.org.slug}/unsubscribe/${encodeURIComponent(bad)}`);
      // Fastify refuses a path segment over 100 characters itself (414); a real token is about 80.
      expect(res.statusCode, bad).toBe(bad.length > 100 ? 414 : 404);
      if (res.statusCode === 404) expect(res.body).toContain('This unsubscribe link does not work');
      const posted = await visitor.post(`/o/${s.org.slug}/unsubscribe/${encodeURIComponent(bad)}`, {});
      expect(posted.statusCode, bad).toBeLessThan(500);
      const oneClick = await s.t.app.inject({
        method: 'POST',
        url: `/api/v1/follow-up/${s.org.slug}/unsubscribe/${encodeURIComponent(bad)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'List-Unsubscribe=One-Click',
      });
      // A token that is no path segment at all ('.') fails the route's schema instead: 422.
      expect([404, 414, 422], bad).toContain(oneClick.statusCode);
      if (oneClick.statusCode !== 414)
        expect(oneClick.headers['content-type']).toContain('application/problem+json');
    }
    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toContain('/api/v1/follow-up/{org}/unsubscribe/{token}');
    const unknownOrg = await new FormClient(s.t.app).get(`/o/no-such-org/unsubscribe/${token}`);
    expect(unknownOrg.statusCode).toBe(404);
    const rows = await s.t.db.selectFrom('follow_up_subscriptions').selectAll().execute();
    expect(rows.filter((r) => r.unsubscribed_at !== null)).toEqual([]);
  });
});
