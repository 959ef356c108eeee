// Engagement segments and "we miss you" campaigns over real HTTP, through the use cases, on both
// engines, with the mails delivered to a real SMTP server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { FormClient, api } from '../../../test/support/http-client.js';
import { ideaInput } from '../../../test/support/idea-factory.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { TestSmtpServer } from '../../../test/support/smtp-server.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { sendDueMail, smtpTransport } from '../../platform/mail/sender.js';
import { campaignRecipients } from './campaign-recipients.js';
import { getSegments } from './get-segments.js';

const DAY = 24 * 60 * 60 * 1000;

interface SegmentsBody {
  lapsedAfterDays: number;
  counts: Record<string, number>;
  total: number;
}
interface CampaignBody {
  id: string;
  report: Record<string, unknown> | null;
}

/** A raw mail with its quoted-printable soft breaks and escapes undone (read as UTF-8). */
function decodeQuotedPrintable(raw: string): string {
  const bytes = raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe.each(engines)('engagement on %s', (engine) => {
  let s: InterviewsSetup;
  const people: Record<'en' | 'da' | 'noConsent' | 'erased' | 'active', FormClient> = {} as never;
  let campaignId = '';

  /** Posts an idea as the participant behind the client, through the public board. */
  async function postIdea(client: FormClient, title: string): Promise<void> {
    const board = `/o/${s.org.slug}/i/${s.initiative.slug}/ideas`;
    const res = await client.submit(`${board}/new`, board, ideaInput({ title }));
    expect(res.statusCode).toBe(303);
  }

  /** Moves everything a participant did (ideas, joining) `days` days into the past. */
  async function backdate(client: FormClient, days: number): Promise<void> {
    const at = new Date(Date.now() - days * DAY).toISOString();
    const id = idOf(client);
    await s.t.db.updateTable('ideas').set({ created_at: at }).where('participant_id', '=', id).execute();
    await s.t.db
      .updateTable('initiative_participants')
      .set({ joined_at: at, consented_at: at })
      .where('participant_id', '=', id)
      .execute();
  }

  const outbox = () => s.t.db.selectFrom('mail_outbox').selectAll().orderBy('created_at').execute();

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    const join = (extra: Record<string, string>) =>
      joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, extra);
    people.en = await join({ email: 'eve@example.org', followUp: 'true', locale: 'en' });
    people.da = await join({ email: 'dora@example.org', followUp: 'true', locale: 'da' });
    people.noConsent = await join({ email: 'nina@example.org', locale: 'en' });
    people.erased = await join({ email: 'ed@example.org', followUp: 'true', locale: 'en' });
    people.active = await join({ email: 'ada@example.org', followUp: 'true', locale: 'en' });
    for (const [name, client] of Object.entries(people)) await postIdea(client, `Idea of ${name}`);
    for (const name of ['en', 'da', 'noConsent', 'erased'] as const) await backdate(people[name], 120);
    const erase = await people.erased.submit(`/o/${s.org.slug}/me`, `/o/${s.org.slug}/me/erase`, {
      confirm: 'ERASE',
    });
    expect(erase.statusCode).toBe(303);
  });
  afterAll(async () => s.t.close());

  it('counts the segments: erased people are in none, joining alone is never active', async () => {
    const res = await api(s.t.app, s.staff.analyst.token, 'GET', '/api/v1/engagement/segments');
    expect(res.statusCode).toBe(200);
    const body = res.json<SegmentsBody>();
    expect(body.lapsedAfterDays).toBe(90);
    // en, da, noConsent lapsed; active active; the setup's participant and nobody else never active.
    expect(body.counts).toEqual({ active: 1, quiet: 0, lapsed: 3, never_active: 1 });
    expect(body.total).toBe(5);

    // The same people judged 200 days later: everyone who contributed has lapsed.
    const later = await getSegments(s.t.db, actorOf(s.staff.admin), new Date(Date.now() + 200 * DAY));
    expect(later.counts).toEqual({ active: 0, quiet: 0, lapsed: 4, never_active: 1 });

    const page = await s.staff.analyst.client.get('/staff/engagement');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Lapsed: 3');
    // Analysts see the segments but neither the setting nor the campaign form.
    expect(page.body).not.toContain('name="lapsedAfterDays"');
    expect(page.body).not.toContain('name="subjectEn"');
    expect((await s.staff.frontline.client.get('/staff/engagement')).statusCode).toBe(403);
    expect(
      (await api(s.t.app, s.otherAdmin.token, 'GET', '/api/v1/engagement/segments')).json<SegmentsBody>()
        .total,
    ).toBe(0);
  });

  it('lets admins set N, with a message beside the field for bad input', async () => {
    const admin = s.staff.admin.client;
    const bad = await admin.submit('/staff/engagement', '/staff/engagement/settings', {
      lapsedAfterDays: 'soon',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/id="f-lapsedAfterDays-error"[^>]*>Enter a whole number/);
    const small = await admin.post('/staff/engagement/settings', { lapsedAfterDays: '3' });
    expect(small.statusCode).toBe(422);
    expect(small.body).toContain('Must be between 7 and 730');
    const forbidden = await s.staff.facilitator.client.submit(
      '/staff/engagement',
      '/staff/engagement/settings',
      {
        lapsedAfterDays: '200',
      },
    );
    expect(forbidden.statusCode).toBe(403);

    const saved = await admin.submit('/staff/engagement', '/staff/engagement/settings', {
      lapsedAfterDays: '200',
    });
    expect(saved.statusCode).toBe(303);
    // With N = 200, 120 days without activity is no longer active but not lapsed yet.
    const quiet = await getSegments(s.t.db, actorOf(s.staff.admin));
    expect(quiet.counts).toEqual({ active: 1, quiet: 3, lapsed: 0, never_active: 1 });
    expect((await admin.post('/staff/engagement/settings', { lapsedAfterDays: '90' })).statusCode).toBe(303);
  });

  it('previews and sends a campaign once: each consenting lapsed person gets one mail in their language', async () => {
    const facilitator = s.staff.facilitator.client;
    const form = await facilitator.get('/staff/engagement');
    expect(form.body).toContain('We miss you at');
    const campaignsBefore = (await s.t.db.selectFrom('engagement_campaigns').select('id').execute()).length;
    const empty = await facilitator.post('/staff/engagement/campaigns', {
      subjectEn: '',
      bodyEn: 'Come back',
      subjectDa: 'Kom tilbage',
      bodyDa: 'Kom tilbage',
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toMatch(/id="f-subjectEn-error"[^>]*>Enter a value/);
    expect((await s.t.db.selectFrom('engagement_campaigns').select('id').execute()).length).toBe(
      campaignsBefore,
    );

    const created = await facilitator.post('/staff/engagement/campaigns', {
      subjectEn: 'We miss you',
      bodyEn: 'It has been a while. Come and see what is new.',
      subjectDa: 'Vi savner dig',
      bodyDa: 'Det er længe siden. Kom og se, hvad der er nyt.',
    });
    expect(created.statusCode).toBe(303);
    const page = created.headers.location!;
    campaignId = page.split('/').pop()!;
    const preview = await facilitator.get(page);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('2 people receive this mail');
    expect(preview.body).toContain('1 did not agree to be contacted');
    const analystView = await s.staff.analyst.client.get(page);
    expect(analystView.body).not.toContain('/send');

    const before = (await outbox()).length;
    const sent = await facilitator.post(`${page}/send`, {});
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toContain('notice=sent&count=2');
    const mails = (await outbox()).slice(before);
    expect(mails.map((m) => [m.to_address, m.subject]).sort()).toEqual([
      ['dora@example.org', 'Vi savner dig'],
      ['eve@example.org', 'We miss you'],
    ]);
    expect(mails.every((m) => m.html_body === null)).toBe(true);

    const again = await facilitator.post(`${page}/send`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('This campaign was already sent');
    expect((await outbox()).length).toBe(before + 2);
    expect(
      (
        await api(s.t.app, s.staff.admin.token, 'GET', `/api/v1/engagement/campaigns/${campaignId}`)
      ).json<CampaignBody>().report,
    ).toMatchObject({ recipients: 2, cameBack: 0, windowOpen: true });

    const smtp = new TestSmtpServer();
    await smtp.start();
    try {
      await sendDueMail(s.t.db, smtpTransport(smtp.url), {
        from: 'er@example.org',
        messageIdDomain: 'example.org',
      });
      const raw = (to: string) =>
        smtp.received
          .filter((m) => m.to.includes(to))
          .map((m) => decodeQuotedPrintable(m.raw))
          .join('\n');
      const link = `http://localhost:3000/o/${s.org.slug}/i/${s.initiative.slug}`;
      expect(raw('eve@example.org')).toContain('Come and see what is new');
      expect(raw('eve@example.org')).toContain('Open now:');
      expect(raw('eve@example.org')).toContain(link);
      expect(raw('dora@example.org')).toContain('Åbent nu:');
      expect(raw('dora@example.org')).toContain('Det er længe siden.');
      expect(raw('dora@example.org')).toContain('Vi savner dig');
      expect(raw('dora@example.org')).toContain(link);
      expect(raw('nina@example.org')).toBe('');
      expect(raw('ed@example.org')).toBe('');
      expect(raw('ada@example.org')).toBe('');
      expect(smtp.received.some((m) => /<img/i.test(m.raw))).toBe(false);
    } finally {
      await smtp.stop();
    }
  });

  it('mails nobody twice within 30 days', async () => {
    const facilitator = s.staff.facilitator.client;
    const created = await facilitator.submit('/staff/engagement', '/staff/engagement/campaigns', {
      subjectEn: 'Still missing you',
      bodyEn: 'Hello again.',
      subjectDa: 'Savner dig stadig',
      bodyDa: 'Hej igen.',
    });
    const page = created.headers.location!;
    expect((await facilitator.get(page)).body).toContain('2 were sent a campaign mail in the last 30 days');
    const refused = await facilitator.post(`${page}/send`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Nobody can receive this campaign now');
    // A month later they may be written to again.
    const later = await campaignRecipients(s.t.db, s.org.id, new Date(Date.now() + 31 * DAY));
    expect(later.recipients.map((r) => r.email).sort()).toEqual(['dora@example.org', 'eve@example.org']);
  });

  it('counts who came back after a new idea, by language', async () => {
    await postIdea(people.en, 'Back with a new idea');
    const res = await api(
      s.t.app,
      s.staff.analyst.token,
      'GET',
      `/api/v1/engagement/campaigns/${campaignId}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<CampaignBody>().report).toMatchObject({
      recipients: 2,
      cameBack: 1,
      byLanguage: { en: { recipients: 1, cameBack: 1 }, da: { recipients: 1, cameBack: 0 } },
      bySegment: { lapsed: { recipients: 2, cameBack: 1 } },
    });
    const list = await api(s.t.app, s.staff.analyst.token, 'GET', '/api/v1/engagement/campaigns');
    expect(list.json<{ items: CampaignBody[] }>().items.map((c) => c.id)).toContain(campaignId);
    const page = await s.staff.analyst.client.get(`/staff/engagement/campaigns/${campaignId}`);
    expect(page.body).toContain('1 of 2 recipients took part again within 30 days');
    expect(
      (await api(s.t.app, s.otherAdmin.token, 'GET', `/api/v1/engagement/campaigns/${campaignId}`))
        .statusCode,
    ).toBe(404);
  });

  it('exports a recipient’s campaign mails and forgets them on erasure', async () => {
    const exported = await people.da.get(`/o/${s.org.slug}/me/data.json`);
    expect(exported.json<{ campaignMails: unknown[] }>().campaignMails).toMatchObject([
      { subject: 'Vi savner dig', language: 'da' },
    ]);
    const id = idOf(people.da);
    const erase = await people.da.submit(`/o/${s.org.slug}/me`, `/o/${s.org.slug}/me/erase`, {
      confirm: 'SLET',
    });
    expect(erase.statusCode).toBe(303);
    const rows = await s.t.db
      .selectFrom('engagement_campaign_recipients')
      .select(['participant_id'])
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(rows.map((r) => r.participant_id)).not.toContain(id);
    expect(rows).toHaveLength(2);
    const report = (
      await api(s.t.app, s.staff.admin.token, 'GET', `/api/v1/engagement/campaigns/${campaignId}`)
    ).json<CampaignBody>().report;
    expect(report).toMatchObject({ recipients: 2, cameBack: 1, erased: 1 });
  });

  it('leaves out who unsubscribed from follow-up mail, until they subscribe again', async () => {
    const later = new Date(Date.now() + 200 * DAY);
    const ada = idOf(people.active);
    const ids = async () =>
      (await campaignRecipients(s.t.db, s.org.id, later)).recipients.map((r) => r.participantId);
    expect(await ids()).toContain(ada);
    const page = `/o/${s.org.slug}/me/participation`;
    const off = await people.active.submit(page, `${page}/mail`, { mail: 'off' });
    expect(off.statusCode).toBe(303);
    expect(await ids()).not.toContain(ada);
    const on = await people.active.submit(page, `${page}/mail`, { mail: 'on' });
    expect(on.statusCode).toBe(303);
    expect(await ids()).toContain(ada);
  });

  it('escapes hostile campaign text on its pages and describes the API in OpenAPI', async () => {
    const facilitator = s.staff.facilitator.client;
    const created = await facilitator.submit('/staff/engagement', '/staff/engagement/campaigns', {
      subjectEn: '<script>alert(1)</script>',
      bodyEn: '<img src=x onerror=alert(1)>',
      subjectDa: 'Hej',
      bodyDa: 'Hej',
    });
    expect(created.statusCode).toBe(303);
    const page = await facilitator.get(created.headers.location!);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    const control = await facilitator.post('/staff/engagement/campaigns', {
      subjectEn: 'Hello\u0000',
      bodyEn: 'x'.repeat(5001),
      subjectDa: 'Hej',
      bodyDa: 'Hej',
    });
    expect(control.statusCode).toBe(422);
    expect(control.body).toContain('Must be at most 5000 characters');

    const doc = (await s.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/engagement/segments',
        '/api/v1/engagement/campaigns',
        '/api/v1/engagement/campaigns/{id}',
      ]),
    );
    const anonymous = await api(s.t.app, undefined, 'GET', '/api/v1/engagement/campaigns');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    const unknown = await api(s.t.app, s.staff.admin.token, 'GET', '/api/v1/engagement/campaigns/nope');
    expect(unknown.statusCode).toBe(404);
  });
});
