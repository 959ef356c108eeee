import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { engines } from '../../../test/support/databases.js';
import { FormClient } from '../../../test/support/http-client.js';
import { buildInitiative } from '../../../test/support/initiative-factory.js';
import { buildDemographics, type BuiltDemographics } from '../../../test/support/participant-factory.js';
import { TestSmtpServer } from '../../../test/support/smtp-server.js';
import {
  actorOf,
  buildOrganization,
  buildStaff,
  signIn,
  type BuiltStaff,
} from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import type { StaffActor } from '../../platform/actor.js';
import { sendDueMail, smtpTransport } from '../../platform/mail/sender.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import type { Organization } from '../organizations/get-organization.js';
import { registerParticipant } from '../participants/register-participant.js';
import { invitationFunnel } from './invitation-funnel.js';
import { KIOSK_COOKIE } from './surveys.distribution-routes.js';
import { catchUpSurveyTallies } from './survey-tallies.js';

describe.each(engines)('survey distribution on %s', (engine) => {
  let t: TestApp;
  let org: Organization;
  let facilitator: BuiltStaff;
  let frontline: BuiltStaff;
  let admin: StaffActor;
  let demographics: BuiltDemographics;

  beforeAll(async () => {
    t = await createTestApp(engine);
    org = await buildOrganization(t.db);
    demographics = await buildDemographics(t.db, org.id);
    facilitator = await buildStaff(t.db, { organizationId: org.id, role: 'facilitator' });
    frontline = await buildStaff(t.db, { organizationId: org.id, role: 'frontline' });
    const adminStaff = await buildStaff(t.db, { organizationId: org.id, role: 'admin' });
    admin = actorOf(adminStaff);
  });
  afterAll(async () => t.close());

  /** A published survey: a required choice, an optional text and a demographic question. */
  async function liveSurvey(initiative: Initiative, settings: Record<string, unknown> = {}) {
    const built = await buildSurvey(t.db, admin, initiative.id, {
      settings,
      questions: [
        { kind: 'single_choice', textEn: 'Do you visit often?', required: true, options: 'Yes\nNo' },
        { kind: 'short_text', textEn: 'Anything else?' },
        { kind: 'demographic', textEn: 'Your age', attributeId: demographics.ageBand.id },
      ],
    });
    const [often, more, age] = built.questions;
    return { survey: built.survey, often: often!, more: more!, age: age! };
  }

  const outbox = async () =>
    t.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('organization_id', '=', org.id)
      .orderBy('created_at')
      .execute();
  const linkIn = (text: string) => {
    const match = /http:\/\/localhost:3000(\/o\/\S+\/invitation\/[\w-]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no invitation link in ${text}`);
    return match[1];
  };
  const responsesOf = async (surveyId: string) =>
    t.db
      .selectFrom('survey_responses')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .orderBy('started_at')
      .execute();

  it('invites contactable participants and typed addresses by mail with working personal links, and reminds non-completers once', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, often, more } = await liveSurvey(initiative);
    const ana = await registerParticipant(t.db, admin, initiative.id, {
      consent: true,
      email: 'ana@example.org',
      followUp: true,
      locale: 'da',
    });
    await registerParticipant(t.db, admin, initiative.id, { consent: true, email: 'no-contact@example.org' });
    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    const page = `/staff/surveys/${survey.id}/distribute`;
    const before = (await outbox()).length;

    const distribute = await staff.get(page);
    expect(distribute.statusCode).toBe(200);
    expect(distribute.body).toContain(
      `http://localhost:3000/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`,
    );
    expect(distribute.body).toContain(`${page.replace('/distribute', '')}/qr.svg`);
    expect(distribute.body).toContain('ana@example.org');
    expect(distribute.body).not.toContain('no-contact@example.org');

    const refused = await staff.post(`/staff/surveys/${survey.id}/invitations`, {
      everyone: 'true',
      emails: 'new.person@example.org\nnot-an-address',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="f-emails-error"');
    expect(refused.body).toContain('not-an-address');
    expect((await outbox()).length).toBe(before);
    expect(await invitationFunnel(t.db, org.id, survey.id)).toMatchObject({ invited: 0 });

    const sent = await staff.post(`/staff/surveys/${survey.id}/invitations`, {
      everyone: 'true',
      emails: 'New.Person@example.org',
      locale: 'en',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toContain('notice=invited&n=2');
    const mails = (await outbox()).slice(before);
    expect(mails.map((m) => m.to_address).sort()).toEqual(['ana@example.org', 'new.person@example.org']);
    const anaMail = mails.find((m) => m.to_address === 'ana@example.org')!;
    expect(anaMail.subject).toContain('vil gerne høre din mening'); // in her language
    const newMail = mails.find((m) => m.to_address === 'new.person@example.org')!;
    expect(newMail.subject).toContain('asks for your view');
    const stored = await t.db
      .selectFrom('survey_invitations')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(stored).toHaveLength(2);
    for (const m of mails)
      expect(stored.map((s) => s.token_hash)).not.toContain(linkIn(m.text_body).split('/').pop());

    // Inviting again skips those already invited.
    const again = await staff.post(`/staff/surveys/${survey.id}/invitations`, { emails: 'ana@example.org' });
    expect(again.headers.location).toContain('notice=invited&n=0&skipped=1');

    // Ana's link makes this device hers and starts her response through the invitation.
    const anaDevice = new FormClient(t.app);
    const anaLink = linkIn(anaMail.text_body);
    const landing = await anaDevice.get(anaLink);
    expect(landing.statusCode).toBe(200);
    expect(landing.body).not.toContain('name="consent"');
    const started = await anaDevice.post(anaLink, {});
    expect(started.statusCode).toBe(303);
    const surveyPath = `/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
    expect(started.headers.location).toBe(surveyPath);
    expect(await invitationFunnel(t.db, org.id, survey.id)).toEqual({
      invited: 2,
      opened: 1,
      reminded: 0,
      started: 0,
      completed: 0,
    });
    const answered = await anaDevice.submit(surveyPath, surveyPath, {
      page: '0',
      action: 'submit',
      [`q_${often.id}`]: often.options[0]!.id,
      [`q_${more.id}`]: 'Longer hours please',
    });
    expect(answered.statusCode).toBe(303);
    const anaResponses = await responsesOf(survey.id);
    expect(anaResponses).toHaveLength(1);
    expect(anaResponses[0]).toMatchObject({
      participant_id: ana.id,
      channel: 'invitation',
      status: 'completed',
    });
    // Opening the link again after completing goes to "already answered".
    expect((await anaDevice.get(anaLink)).headers.location).toBe(surveyPath);

    // The typed address is not a participant: they accept the consent text on the invitation page first.
    const newcomer = new FormClient(t.app);
    const newLink = linkIn(newMail.text_body);
    const consentPage = await newcomer.get(newLink);
    expect(consentPage.statusCode).toBe(200);
    expect(consentPage.body).toContain('name="consent"');
    const noConsent = await newcomer.post(newLink, { consentTextId: initiative.consent!.id });
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.body).toContain('id="f-consent-error"');
    expect(
      await t.db.selectFrom('survey_responses').select('id').where('survey_id', '=', survey.id).execute(),
    ).toHaveLength(1);
    const joined = await newcomer.post(newLink, { consent: 'true', consentTextId: initiative.consent!.id });
    expect(joined.statusCode).toBe(303);
    expect((await newcomer.get(surveyPath)).statusCode).toBe(200);
    const saved = await newcomer.post(surveyPath, {
      page: '0',
      action: 'save',
      [`q_${more.id}`]: 'Half way',
    });
    expect(saved.statusCode).toBe(303);
    expect(await invitationFunnel(t.db, org.id, survey.id)).toEqual({
      invited: 2,
      opened: 2,
      reminded: 0,
      started: 2,
      completed: 1,
    });

    // One reminder, to the one who has not completed; pressing again sends nothing.
    const beforeRemind = (await outbox()).length;
    const remind = await staff.submit(page, `/staff/surveys/${survey.id}/reminders`, {});
    expect(remind.statusCode).toBe(303);
    expect(remind.headers.location).toContain('notice=reminded&n=1');
    const reminders = (await outbox()).slice(beforeRemind);
    expect(reminders.map((m) => m.to_address)).toEqual(['new.person@example.org']);
    expect(reminders[0]!.subject).toContain('Reminder');
    const twice = await staff.submit(page, `/staff/surveys/${survey.id}/reminders`, {});
    expect(twice.headers.location).toContain('notice=nothingToRemind');
    expect((await outbox()).length).toBe(beforeRemind + 1);
    // The reminder's own link works, and so does the first one.
    const reminderLink = linkIn(reminders[0]!.text_body);
    expect(reminderLink).not.toBe(newLink);
    expect((await newcomer.get(reminderLink)).statusCode).toBeLessThan(400);
    expect((await new FormClient(t.app).get(`${surveyPath}/invitation/not-a-token`)).statusCode).toBe(410);
    expect((await invitationFunnel(t.db, org.id, survey.id)).reminded).toBe(1);

    const overview = await staff.get(page);
    expect(overview.body).toMatch(/<td>2<\/td>\s*<td>2<\/td>\s*<td>2<\/td>\s*<td>1<\/td>\s*<td>1<\/td>/);

    // The mails really go out over SMTP with the link intact.
    const smtp = new TestSmtpServer();
    await smtp.start();
    try {
      await sendDueMail(t.db, smtpTransport(smtp.url), {
        from: 'er@example.org',
        messageIdDomain: 'example.org',
      });
      const delivered = smtp.received.find((m) => m.to.includes('ana@example.org'));
      const raw = delivered!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(raw).toContain(anaLink);
    } finally {
      await smtp.stop();
    }
  });

  it('serves a kiosk to two respondents in a row with nothing of the first in the second’s pages, and refuses a replayed form', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, often, more, age } = await liveSurvey(initiative, { layout: 'one_per_page' });
    const device = await signIn(t.app, frontline.email, frontline.password);
    await device.get(`/staff/surveys/${survey.id}/distribute`);
    const started = await device.post(`/staff/surveys/${survey.id}/kiosk`, { signOut: 'true' });
    expect(started.statusCode).toBe(303);
    const kiosk = started.headers.location!;
    expect(kiosk).toMatch(new RegExp(`^/o/${org.slug}/i/${initiative.slug}/s/${survey.id}/kiosk/[\\w-]+$`));
    const cookie = started.cookies.find((c) => c.name === KIOSK_COOKIE)!;
    expect(cookie.path).toBe(kiosk);
    expect(cookie.httpOnly).toBe(true);
    // The staff session ended on this device.
    expect(device.cookies.has('er_session')).toBe(false);
    expect((await device.get('/staff')).statusCode).toBe(303);

    const first = await device.get(kiosk);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toContain('no-store');
    expect(first.headers.refresh).toBe(`180; url=${kiosk}`);
    expect(first.body).toContain(initiative.consent!.body.split('\n')[0]!.trim().slice(0, 30));
    expect(first.body).not.toContain(`/o/${org.slug}/me`);

    const noConsent = await device.post(`${kiosk}/start`, { consentTextId: initiative.consent!.id });
    expect(noConsent.statusCode).toBe(422);
    expect(noConsent.body).toContain('id="f-consent-error"');

    const form1 = await device.post(`${kiosk}/start`, {
      consent: 'true',
      consentTextId: initiative.consent!.id,
    });
    expect(form1.statusCode).toBe(200);
    expect(form1.body).toContain('autocomplete="off"');
    expect(form1.body).toContain(`q_${often.id}`);
    expect(form1.body).toContain(`q_${more.id}`); // the whole survey on one page, whatever its layout
    const token1 = /name="respondent" value="([^"]+)"/.exec(form1.body)![1]!;
    const answers1 = {
      respondent: token1,
      [`q_${often.id}`]: often.options[1]!.id,
      [`q_${more.id}`]: 'ZEBRA-FIRST-RESPONDENT',
      [`q_${age.id}`]: demographics.ageBand.categories['60_plus'],
    };
    // A missing required answer comes back beside the field, for the same respondent.
    const missing = await device.post(kiosk, { ...answers1, [`q_${often.id}`]: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain(`id="q_${often.id}-error"`);
    expect(await responsesOf(survey.id)).toHaveLength(0);

    const submitted = await device.post(kiosk, answers1);
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`${kiosk}/thanks`);
    const thanks = await device.get(`${kiosk}/thanks`);
    expect(thanks.statusCode).toBe(200);
    expect(thanks.headers.refresh).toBe(`20; url=${kiosk}`);
    expect(thanks.body).not.toContain('ZEBRA');

    // The back button (or anyone) resubmitting the first respondent's form is refused, with a fresh start.
    const replay = await device.post(kiosk, answers1);
    expect(replay.statusCode).toBe(409);
    expect(replay.body).toContain('The form was already used or has timed out');
    expect(replay.body).toContain('name="consent"');
    expect(replay.body).not.toContain('ZEBRA');
    expect(await responsesOf(survey.id)).toHaveLength(1);

    // The second respondent sees nothing of the first.
    const start2 = await device.get(kiosk);
    expect(start2.body).not.toContain('ZEBRA');
    const form2 = await device.post(`${kiosk}/start`, {
      consent: 'true',
      consentTextId: initiative.consent!.id,
    });
    expect(form2.body).not.toContain('ZEBRA');
    expect(form2.body).not.toMatch(/checked/);
    const token2 = /name="respondent" value="([^"]+)"/.exec(form2.body)![1]!;
    expect(token2).not.toBe(token1);
    // A tampered token is refused too.
    const tampered = await device.post(kiosk, { ...answers1, respondent: `${token2}x` });
    expect(tampered.statusCode).toBe(409);
    // ... and that start page withdrew the second token: the abandoned form is dead.
    const abandoned = await device.post(kiosk, {
      respondent: token2,
      [`q_${often.id}`]: often.options[0]!.id,
    });
    expect(abandoned.statusCode).toBe(409);
    const form3 = await device.post(`${kiosk}/start`, {
      consent: 'true',
      consentTextId: initiative.consent!.id,
    });
    const token3 = /name="respondent" value="([^"]+)"/.exec(form3.body)![1]!;
    const second = await device.post(kiosk, { respondent: token3, [`q_${often.id}`]: often.options[0]!.id });
    expect(second.statusCode).toBe(303);

    const stored = await responsesOf(survey.id);
    expect(stored).toHaveLength(2);
    for (const r of stored)
      expect(r).toMatchObject({
        participant_id: null,
        channel: 'kiosk',
        mode: 'in_person',
        status: 'completed',
        consent_text_id: initiative.consent!.id,
        entered_by: null,
      });
    expect(JSON.parse(stored[0]!.segments)).toEqual({
      [demographics.ageBand.id]: demographics.ageBand.categories['60_plus'],
    });
    const segment = `${demographics.ageBand.id}:${demographics.ageBand.categories['60_plus']}`;
    // The tallier folds the response in after the submission (readers of results fold first): fold now.
    await catchUpSurveyTallies(t.db, org.id, survey.id);
    const tally = await t.db
      .selectFrom('survey_tallies')
      .select('segment')
      .where('survey_id', '=', survey.id)
      .where('segment', '=', segment)
      .execute();
    expect(tally.length).toBeGreaterThan(0);

    // Without the kiosk cookie the kiosk is closed to the public; staff can end it.
    expect((await new FormClient(t.app).get(kiosk)).statusCode).toBe(409);
    const staff = await signIn(t.app, frontline.email, frontline.password);
    const kioskId = kiosk.split('/').pop()!;
    const ended = await staff.submit(
      `/staff/surveys/${survey.id}/distribute`,
      `/staff/surveys/${survey.id}/kiosks/${kioskId}/end`,
      {},
    );
    expect(ended.statusCode).toBe(303);
    expect((await device.get(kiosk)).statusCode).toBe(409);
  });

  it('stores responses keyed in by staff with their mode and who entered them, validated like a participant’s', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey, often, more } = await liveSurvey(initiative);
    const bo = await registerParticipant(t.db, admin, initiative.id, { consent: true });
    const staff = await signIn(t.app, frontline.email, frontline.password);
    const page = `/staff/surveys/${survey.id}/responses/new`;
    const form = await staff.get(page);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('id="f-mode"');
    expect(form.body).toContain(bo.pseudonym);

    const refused = await staff.post(`/staff/surveys/${survey.id}/responses`, {
      [`q_${more.id}`]: 'Typed from paper',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="f-mode-error"');
    expect(refused.body).toContain(`id="q_${often.id}-error"`);
    expect(refused.body).toContain('Typed from paper');
    const wrongMode = await staff.post(`/staff/surveys/${survey.id}/responses`, {
      mode: 'online',
      [`q_${often.id}`]: often.options[0]!.id,
    });
    expect(wrongMode.statusCode).toBe(422);
    expect(await responsesOf(survey.id)).toHaveLength(0);

    const saved = await staff.post(`/staff/surveys/${survey.id}/responses`, {
      mode: 'phone',
      participantId: bo.id,
      [`q_${often.id}`]: often.options[0]!.id,
      [`q_${more.id}`]: 'Said on the phone',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${page}?notice=entered`);
    const paper = await staff.post(`/staff/surveys/${survey.id}/responses`, {
      mode: 'paper',
      [`q_${often.id}`]: often.options[1]!.id,
    });
    expect(paper.statusCode).toBe(303);
    const stored = await responsesOf(survey.id);
    expect(stored.map((r) => [r.channel, r.mode, r.entered_by, r.participant_id, r.status])).toEqual([
      ['staff', 'phone', frontline.id, bo.id, 'completed'],
      ['staff', 'paper', frontline.id, null, 'completed'],
    ]);
    expect(JSON.parse(stored[0]!.answers)).toEqual({
      [often.id]: often.options[0]!.id,
      [more.id]: 'Said on the phone',
    });

    const twice = await staff.post(`/staff/surveys/${survey.id}/responses`, {
      mode: 'paper',
      participantId: bo.id,
      [`q_${often.id}`]: often.options[0]!.id,
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain('id="f-participantId-error"');
    expect(await responsesOf(survey.id)).toHaveLength(2);
  });

  it('draws the public link as an SVG QR code with a title, shown on the distribution page', async () => {
    const initiative = await buildInitiative(t.db, org.id, { open: true });
    const { survey } = await liveSurvey(initiative);
    const staff = await signIn(t.app, facilitator.email, facilitator.password);
    const res = await staff.get(`/staff/surveys/${survey.id}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    const url = `http://localhost:3000/o/${org.slug}/i/${initiative.slug}/s/${survey.id}`;
    expect(res.body.startsWith('<svg')).toBe(true);
    expect(res.body).toContain('<path');
    expect(res.body).toContain(`<title id="qr-title">Library survey: ${url}</title>`);
    // The modules are those of the URL's QR code.
    const expected = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(
      await QRCode.toString(url, { type: 'svg' }),
    )![1]!;
    expect(res.body).toContain(expected);
    const builder = await staff.get(`/staff/surveys/${survey.id}`);
    expect(builder.body).toContain(`/staff/surveys/${survey.id}/distribute`);

    const draft = await buildSurvey(t.db, admin, initiative.id, {
      questions: [{ kind: 'short_text', textEn: 'Draft question' }],
      draft: true,
    });
    expect((await staff.get(`/staff/surveys/${draft.survey.id}/qr.svg`)).statusCode).toBe(404);
    const draftPage = await staff.get(`/staff/surveys/${draft.survey.id}/distribute`);
    expect(draftPage.statusCode).toBe(200);
    expect(draftPage.body).toContain('Publish the survey before you distribute it');
  });
});
