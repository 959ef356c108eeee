// The influence dashboard pages, the thresholds form and the JSON API over HTTP, on both engines.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { api } from '../../../test/support/http-client.js';
import { buildIdea } from '../../../test/support/idea-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { linkInput } from '../decisions/link-input.js';
import { markLinksTold } from '../decisions/loop-facts.js';
import { recordDecision } from '../decisions/record-decision.js';
import { postParticipantIdea } from '../ideas/post-idea.js';
import { changeInitiativeStatus } from '../initiatives/change-initiative-status.js';

describe.each(engines)('influence pages and API on %s', (engine) => {
  let s: InterviewsSetup;
  let page: string;

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    page = `/staff/initiatives/${s.initiative.id}/influence`;
    const facilitator = actorOf(s.staff.facilitator);
    const idea = await postParticipantIdea(s.t.db, s.org.id, s.initiative.slug, s.consentingId, {
      title: 'Longer opening hours',
      description: 'Open until eight.',
      problem: 'People who work cannot come.',
    });
    await buildIdea(s.t.db, facilitator, s.initiative.id, { title: 'Not looked at' });
    const decision = await recordDecision(s.t.db, facilitator, s.initiative.id, {
      title: 'Open until eight on Thursdays',
      decidedBy: 'management',
      decidedOn: '2026-11-20',
      status: 'adopted',
    });
    const link = await linkInput(s.t.db, facilitator, s.initiative.id, decision.id, {
      inputKind: 'idea',
      inputId: idea.id,
    });
    await markLinksTold(s.t.db, s.org.id, [link.id], link.linkedAt);
  }, 60_000);
  afterAll(async () => s.t.close());

  it('shows an analyst the organization’s figures as SVG charts with a table, the initiatives and the definitions', async () => {
    const res = await s.staff.analyst.client.get('/staff/influence');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('Shares of input reviewed and linked, and of contributors informed');
    expect(html).toContain('<caption>Influence figures (the same as the charts)</caption>');
    // One of two inputs linked (50 %), the one contributor informed (100 %).
    expect(html).toMatch(
      /Linked to at least one decision<\/th><td class="num">1 of 2<\/td><td class="num">50%/,
    );
    expect(html).toMatch(/Contributors informed<\/th><td class="num">1 of 1<\/td><td class="num">100%/);
    expect(html).toContain(`href="${page}"`);
    expect(html).toContain('How these figures are defined');
    expect(html).toContain('No initiative carries the token-risk flag.');
    // Analysts see the thresholds but cannot change them.
    expect(html).not.toContain('action="/staff/influence/settings"');
    expect(html).toContain('more than 60 days after closing, under 20 % answered');
    expect(html).not.toContain(s.otherInitiative.id);
  });

  it('refuses front-line staff and people who are not signed in', async () => {
    expect((await s.staff.frontline.client.get('/staff/influence')).statusCode).toBe(403);
    expect((await s.staff.frontline.client.get(page)).statusCode).toBe(403);
    expect((await api(s.t.app, s.staff.frontline.token, 'GET', '/api/v1/influence')).statusCode).toBe(403);
    expect((await api(s.t.app, undefined, 'GET', '/api/v1/influence')).statusCode).toBe(401);
  });

  it('an admin sets thresholds; bad ones get a message beside the field and change nothing', async () => {
    const admin = s.staff.admin.client;
    const form = await admin.get('/staff/influence');
    expect(form.body).toContain('action="/staff/influence/settings"');
    expect(form.body).toMatch(/name="closedDays"[^>]*value="60"|value="60"[^>]*name="closedDays"/);

    const bad = await admin.post('/staff/influence/settings', {
      closedDays: 'soon',
      responseSharePercent: '101',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Enter a whole number');
    expect(bad.body).toContain('Must be between 0 and 100');
    expect(bad.body).toMatch(/class="field has-error"/);
    expect(bad.body).toContain('value="soon"');
    const still = await api(s.t.app, s.staff.analyst.token, 'GET', '/api/v1/influence');
    expect(still.json<{ thresholds: unknown }>().thresholds).toEqual({
      closedDays: 60,
      responseSharePercent: 20,
    });

    // The facilitator may look but not configure.
    const refused = await s.staff.facilitator.client.submit('/staff/influence', '/staff/influence/settings', {
      closedDays: '1',
      responseSharePercent: '1',
    });
    expect(refused.statusCode).toBe(403);

    const saved = await admin.post('/staff/influence/settings', {
      closedDays: '0',
      responseSharePercent: '100',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/staff/influence?notice=saved');
    expect((await admin.get('/staff/influence?notice=saved')).body).toContain('The thresholds were saved.');
  });

  it('raises the flag prominently on the initiative page and in the API once closed past the thresholds', async () => {
    // Thresholds are now "closed more than 0 days, under 100 % answered": half answered is under.
    await changeInitiativeStatus(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, 'close');
    const res = await s.staff.facilitator.client.get(page);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Token-risk flag: Raised');
    expect(res.body).toContain('only 50% of its input has had any response');
    expect(res.body).toMatch(/<svg[^>]*role="img"/);

    const one = await api(
      s.t.app,
      s.staff.analyst.token,
      'GET',
      `/api/v1/initiatives/${s.initiative.id}/influence`,
    );
    expect(one.statusCode).toBe(200);
    const body = one.json<{
      initiative: { id: string; closedAt: string | null };
      metrics: Record<string, unknown>;
    }>();
    expect(body.initiative.id).toBe(s.initiative.id);
    expect(body.initiative.closedAt).not.toBeNull();
    expect(body.metrics).toMatchObject({
      inputs: 2,
      reviewed: 1,
      reviewedShare: 0.5,
      linked: 1,
      linkedShare: 0.5,
      contributors: 1,
      informed: 1,
      informedShare: 1,
      withFeedback: 1,
      decisionsWithInput: 1,
      decisionsWithoutInput: 0,
      tokenRisk: true,
    });
    expect(body.metrics.medianDaysToFeedback).toEqual(expect.any(Number));

    const all = await api(s.t.app, s.staff.admin.token, 'GET', '/api/v1/influence');
    const org = all.json<{ flagged: number; initiatives: { initiative: { id: string } }[] }>();
    expect(org.flagged).toBe(1);
    expect(org.initiatives.map((i) => i.initiative.id)).toEqual([s.initiative.id]);
    const orgPage = await s.staff.analyst.client.get('/staff/influence');
    expect(orgPage.body).toContain('Initiatives carrying the token-risk flag: 1.');

    // Danish page text.
    s.staff.analyst.client.cookies.set('er_lang', 'da');
    const da = await s.staff.analyst.client.get(page);
    expect(da.body).toContain('Advarsel om skinddemokrati: Rejst');
    s.staff.analyst.client.cookies.delete('er_lang');
  });

  it('an admin changes one threshold through the API; bad values are problem details', async () => {
    const url = '/api/v1/influence/settings';
    expect((await api(s.t.app, s.staff.analyst.token, 'PATCH', url, { closedDays: 5 })).statusCode).toBe(403);
    const bad = await api(s.t.app, s.staff.admin.token, 'PATCH', url, { closedDays: 5000 });
    expect(bad.statusCode).toBe(422);
    expect(String(bad.headers['content-type'])).toContain('application/problem+json');
    const before = await api(s.t.app, s.staff.admin.token, 'GET', '/api/v1/influence');
    const kept = before.json<{ thresholds: { closedDays: number } }>().thresholds.closedDays;
    const changed = await api(s.t.app, s.staff.admin.token, 'PATCH', url, { responseSharePercent: 25 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ closedDays: kept, responseSharePercent: 25 });
    const other = await api(s.t.app, s.otherAdmin.token, 'GET', '/api/v1/influence');
    expect(other.json<{ thresholds: unknown }>().thresholds).toEqual({
      closedDays: 60,
      responseSharePercent: 20,
    });
  });

  it('hides one organization’s figures from another and documents both routes', async () => {
    const other = await api(
      s.t.app,
      s.otherAdmin.token,
      'GET',
      `/api/v1/initiatives/${s.initiative.id}/influence`,
    );
    expect(other.statusCode).toBe(404);
    expect((await s.otherAdmin.client.get(page)).statusCode).toBe(404);
    const theirs = await api(s.t.app, s.otherAdmin.token, 'GET', '/api/v1/influence');
    expect(theirs.json<{ metrics: { inputs: number } }>().metrics.inputs).toBe(0);
    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/influence',
        '/api/v1/initiatives/{id}/influence',
        '/api/v1/influence/settings',
      ]),
    );
  });
});
