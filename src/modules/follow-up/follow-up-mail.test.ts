// Reliability of telling contributors, on both engines: with the real SMTP server down, the digests
// wait in the outbox; when it returns each contributor gets exactly ONE mail in their language, with
// an unsubscribe link that works over HTTP without cookies. An erased contributor and one without
// follow-up consent get nothing; after unsubscribing, new links produce no mail.

import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { idOf, setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { readMail, type ReadMail } from '../../../test/support/received-mail.js';
import { TestSmtpServer } from '../../../test/support/smtp-server.js';
import { actorOf } from '../../../test/support/staff-factory.js';
import { sendDueMail, smtpTransport } from '../../platform/mail/sender.js';
import { linkInput } from '../decisions/link-input.js';
import { listLinkFactsOfParticipant } from '../decisions/loop-facts.js';
import { recordDecision } from '../decisions/record-decision.js';
import { postParticipantIdea } from '../ideas/post-idea.js';
import { eraseMyData } from '../participants/erase-my-data.js';
import { enqueueFollowUpDigests, type DigestOptions } from './enqueue-follow-up-digests.js';

const MINUTE = 60_000;

describe.each(engines)('follow-up digests through a failing mail server on %s', (engine) => {
  let s: InterviewsSetup;
  let smtp: TestSmtpServer;
  let origin: string;
  const ids: Record<'ada' | 'bo' | 'cy' | 'dee', string> = { ada: '', bo: '', cy: '', dee: '' };
  const ideas: Record<string, string> = {};

  const digestOptions = (now: Date): DigestOptions => ({
    publicUrl: s.t.config.publicUrl,
    secret: s.t.config.sessionSecret,
    translatorFor: (locale) => s.t.app.deps.i18n.getFixedT(locale),
    quietMinutes: 10,
    now,
  });
  const send = (now: Date) =>
    sendDueMail(s.t.db, smtpTransport(smtp.url), {
      from: 'er@example.org',
      messageIdDomain: 'example.org',
      baseDelayMs: MINUTE,
      now: () => now,
    });
  const outboxSize = async () =>
    Number(
      (
        await s.t.db
          .selectFrom('mail_outbox')
          .select(s.t.db.fn.countAll().as('n'))
          .where('organization_id', '=', s.org.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A link of the mail, pointed at the app's real listening address instead of the public URL. */
  const local = (url: string) => url.replace(s.t.config.publicUrl, origin);

  beforeAll(async () => {
    s = await setUpInterviews(engine);
    smtp = new TestSmtpServer();
    await smtp.start();
    await s.t.app.listen({ port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${(s.t.app.server.address() as AddressInfo).port}`;
    const join = async (extra: Record<string, string>) =>
      idOf(await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug, extra));
    ids.ada = await join({ email: 'ada@example.org', followUp: 'true', locale: 'en' });
    ids.bo = await join({ email: 'bo@example.org', followUp: 'true', locale: 'da' });
    ids.cy = await join({ email: 'cy@example.org', locale: 'en' });
    ids.dee = await join({ email: 'dee@example.org', followUp: 'true', locale: 'en' });
    for (const [who, title] of [
      ['ada', 'Benches at the bus stop'],
      ['bo', 'Længere åbningstider'],
      ['cy', 'A quiet reading room'],
      ['dee', 'Free parking on Sundays'],
    ] as const) {
      ideas[who] = (
        await postParticipantIdea(s.t.db, s.org.id, s.initiative.slug, ids[who], {
          title,
          description: `${title}, please.`,
          problem: 'It is hard today.',
        })
      ).id;
    }
  }, 60_000);
  afterAll(async () => {
    await smtp.stop();
    await s.t.close();
  });

  let adaMail: ReadMail;
  let boMail: ReadMail;

  it('waits out the quiet period, keeps the mail while the server is down, then delivers one mail per contributor', async () => {
    const actor = actorOf(s.staff.facilitator);
    const adopted = await recordDecision(s.t.db, actor, s.initiative.id, {
      title: 'Benches at every stop',
      decidedBy: 'council',
      decidedOn: '2026-11-20',
      status: 'adopted',
    });
    const rejected = await recordDecision(s.t.db, actor, s.initiative.id, {
      title: 'Opening hours stay',
      decidedBy: 'management',
      decidedOn: '2026-11-21',
      status: 'not_adopted',
      notAdoptedReason: 'The budget for staff is spent until next year.',
    });
    for (const who of ['ada', 'bo', 'cy', 'dee'] as const)
      await linkInput(s.t.db, actor, s.initiative.id, rejected.id, {
        inputKind: 'idea',
        inputId: ideas[who],
      });
    await linkInput(s.t.db, actor, s.initiative.id, adopted.id, { inputKind: 'idea', inputId: ideas.ada });
    await s.t.db.transaction().execute((trx) => eraseMyData(trx, s.org.id, ids.dee, { confirm: 'ERASE' }));

    // Linked a moment ago: everyone waits, so a facilitator linking ten inputs sends one mail.
    expect(await enqueueFollowUpDigests(s.t.db, digestOptions(new Date()))).toEqual({
      mailed: 0,
      waiting: 3,
      silent: 0,
    });
    expect(await outboxSize()).toBe(0);

    const later = new Date(Date.now() + 11 * MINUTE);
    // Ada and Bo get one digest each; Cy did not agree to follow-up; Dee erased their data (and
    // their link no longer names them).
    expect(await enqueueFollowUpDigests(s.t.db, digestOptions(later))).toEqual({
      mailed: 2,
      waiting: 0,
      silent: 1,
    });
    // Nothing is told twice.
    expect(await enqueueFollowUpDigests(s.t.db, digestOptions(later))).toEqual({
      mailed: 0,
      waiting: 0,
      silent: 1,
    });
    expect(await outboxSize()).toBe(2);
    expect((await listLinkFactsOfParticipant(s.t.db, s.org.id, ids.ada)).every((f) => f.toldAt)).toBe(true);
    // Cy's link stays untold (metrics count them as not informed).
    expect((await listLinkFactsOfParticipant(s.t.db, s.org.id, ids.cy)).map((f) => f.toldAt)).toEqual([null]);

    await smtp.stop();
    expect(await send(later)).toEqual({ sent: 0, failed: 0, retried: 2 });
    expect(smtp.received).toEqual([]);

    await smtp.start();
    const afterBackoff = new Date(later.getTime() + 2 * MINUTE);
    expect(await send(afterBackoff)).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect(await send(afterBackoff)).toEqual({ sent: 0, failed: 0, retried: 0 });

    const mails = smtp.received.map(readMail);
    expect(mails.map((m) => m.to).sort()).toEqual(['ada@example.org', 'bo@example.org']);
    adaMail = mails.find((m) => m.to === 'ada@example.org')!;
    boMail = mails.find((m) => m.to === 'bo@example.org')!;

    expect(adaMail.subject).toBe(`What became of your input to ${s.org.name}`);
    expect(adaMail.text).toContain('"Benches at the bus stop" (idea)');
    expect(adaMail.text).toContain('Decision: Benches at every stop - adopted');
    expect(adaMail.text).toContain('Decision: Opening hours stay - not adopted');
    expect(adaMail.text).toContain('Why not: The budget for staff is spent until next year.');
    expect(adaMail.text).toContain(s.initiative.title);
    expect(adaMail.text).toContain(`${s.t.config.publicUrl}/o/${s.org.slug}/me/participation`);

    expect(boMail.subject).toBe(`Det blev der af dit input til ${s.org.name}`);
    expect(boMail.text).toContain('"Længere åbningstider" (idé)');
    expect(boMail.text).toContain('Beslutning: Opening hours stay - ikke vedtaget');
    expect(boMail.text).toContain('Hvorfor ikke: The budget for staff is spent until next year.');
    expect(boMail.text).not.toContain('Benches at the bus stop');

    for (const mail of [adaMail, boMail]) {
      expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers.get('list-unsubscribe')).toMatch(/^<http:\/\/localhost:3000\/api\/v1\/follow-up\//);
      expect(mail.headers.get('content-type')).toMatch(/^text\/plain/);
    }
  });

  it('unsubscribes through the link of the mail over HTTP without cookies, and one-click for the other; then new links send nothing', async () => {
    const link = /(http:\/\/localhost:3000\/o\/[^\s]+\/unsubscribe\/[^\s]+)/.exec(adaMail.text)?.[1];
    expect(link).toBeDefined();
    const page = await fetch(local(link!));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Stop these mails');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    // Only the CSRF cookie the page itself set: no participant cookie, no sign-in.
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    expect(cookie).not.toContain('er_participant');
    const posted = await fetch(local(link!), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(posted.status).toBe(303);
    const done = await fetch(local(link!));
    expect(await done.text()).toContain('You will get no more mail');

    // Bo's mail client unsubscribes in one click (RFC 8058): a POST with no cookies at all.
    const oneClick = /^<(.+)>$/.exec(boMail.headers.get('list-unsubscribe') ?? '')?.[1] ?? '';
    const clicked = await fetch(local(oneClick), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.json()).toEqual({ unsubscribed: true });
    // Bo's link opens in Danish, the language of the mail, on any device.
    const boLink = /(http:\/\/localhost:3000\/o\/[^\s]+\/unsubscribe\/[^\s]+)/.exec(boMail.text)?.[1] ?? '';
    const boPage = await (await fetch(local(boLink))).text();
    expect(boPage).toContain('<html lang="da"');
    expect(boPage).toContain('Du får ikke flere mails fra');

    const actor = actorOf(s.staff.facilitator);
    const another = await recordDecision(s.t.db, actor, s.initiative.id, {
      title: 'A pilot in the north',
      decidedBy: 'staff',
      decidedOn: '2026-11-22',
      status: 'in_pilot',
    });
    for (const who of ['ada', 'bo'] as const)
      await linkInput(s.t.db, actor, s.initiative.id, another.id, { inputKind: 'idea', inputId: ideas[who] });
    const outbox = await outboxSize();
    const muchLater = new Date(Date.now() + 30 * MINUTE);
    expect(await enqueueFollowUpDigests(s.t.db, digestOptions(muchLater))).toEqual({
      mailed: 0,
      waiting: 0,
      silent: 3,
    });
    expect(await outboxSize()).toBe(outbox);
    expect(await send(muchLater)).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(2);
  });
});
