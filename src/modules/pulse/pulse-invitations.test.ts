// The small pulse box on the thank-you pages of surveys (and kiosks), conversations and prototypes:
// shown after contributing, gone once answered or when the pulse is off for the kind.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/support/databases.js';
import { buildConversation } from '../../../test/support/conversation-factory.js';
import { setUpInterviews, type InterviewsSetup } from '../../../test/support/interview-setup.js';
import { joinAsParticipant } from '../../../test/support/participant-factory.js';
import { buildPrototype } from '../../../test/support/prototype-factory.js';
import { actorOf, signIn } from '../../../test/support/staff-factory.js';
import { buildSurvey } from '../../../test/support/survey-factory.js';
import { changePulseSettings } from './pulse-settings.js';
import { activityKinds } from './pulse.table.js';

const INVITE = 'Answer three questions about taking part';

describe.each(engines)('pulse invitations on thank-you pages on %s', (engine) => {
  let s: InterviewsSetup;
  let base: string;
  beforeAll(async () => {
    s = await setUpInterviews(engine);
    base = `/o/${s.org.slug}/i/${s.initiative.slug}`;
  });
  afterAll(async () => s.t.close());

  /** The pulse link a page holds (query decoded), or undefined. */
  const linkIn = (body: string) => {
    const href = /href="([^"]*\/pulse\?[^"]*)"/.exec(body)?.[1];
    return href ? decodeURIComponent(href.replace(/&amp;/g, '&')) : undefined;
  };

  it('invites after a survey response, and not once the pulse is answered', async () => {
    const { survey, questions } = await buildSurvey(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      questions: [{ kind: 'short_text', textEn: 'Anything?' }],
    });
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const path = `${base}/s/${survey.id}`;
    const done = await person.submit(path, path, { action: 'submit', [`q_${questions[0]!.id}`]: 'Calm' });
    expect(done.headers.location).toBe(`${path}/done`);
    const thanks = await person.get(`${path}/done`);
    expect(thanks.body).toContain(INVITE);
    const pulse = linkIn(thanks.body)!;
    expect(pulse).toBe(`${base}/pulse?activity=survey:${survey.id}`);
    await person.get(pulse);
    expect((await person.post(pulse, { again: '5' })).statusCode).toBe(303);
    expect((await person.get(`${path}/done`)).body).not.toContain(INVITE);
  });

  it('invites a kiosk respondent to an anonymous pulse that leads back to the kiosk', async () => {
    const { survey, questions } = await buildSurvey(s.t.db, actorOf(s.staff.facilitator), s.initiative.id, {
      questions: [{ kind: 'short_text', textEn: 'Anything?' }],
    });
    const device = await signIn(s.t.app, s.staff.frontline.email, s.staff.frontline.password);
    await device.get(`/staff/surveys/${survey.id}/distribute`);
    const kiosk = String(
      (await device.post(`/staff/surveys/${survey.id}/kiosk`, { signOut: 'true' })).headers.location,
    );
    await device.get(kiosk);
    const form = await device.post(`${kiosk}/start`, {
      consent: 'true',
      consentTextId: s.initiative.consent!.id,
    });
    const respondent = /name="respondent" value="([^"]+)"/.exec(form.body)![1]!;
    expect((await device.post(kiosk, { respondent, [`q_${questions[0]!.id}`]: 'Calm' })).statusCode).toBe(
      303,
    );
    const thanks = await device.get(`${kiosk}/thanks`);
    const kioskId = kiosk.split('/').pop()!;
    const pulse = linkIn(thanks.body)!;
    expect(pulse).toBe(`${base}/pulse?activity=survey:${survey.id}&kiosk=${kioskId}`);
    await device.get(pulse);
    const sent = await device.post(pulse, { easy: '5' });
    expect(sent.statusCode).toBe(303);
    const back = await device.get(String(sent.headers.location));
    expect(back.body).toContain(`href="${kiosk}"`);
    const stored = await s.t.db
      .selectFrom('pulse_answers')
      .select(['participant_id', 'easy'])
      .where('activity_id', '=', survey.id)
      .execute();
    expect(stored).toEqual([{ participant_id: null, easy: 5 }]);
  });

  it('invites once every statement of a conversation is voted on', async () => {
    const { conversation, statements } = await buildConversation(
      s.t.db,
      actorOf(s.staff.facilitator),
      s.initiative.id,
      { seeds: ['Open on Sundays.'] },
    );
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    const path = `${base}/c/${conversation.id}`;
    expect((await person.get(path)).body).not.toContain(INVITE);
    await person.post(`${path}/vote`, { statementId: statements[0]!.id, vote: 'agree' });
    const after = await person.get(path);
    expect(after.body).toContain(INVITE);
    expect(linkIn(after.body)).toBe(`${base}/pulse?activity=conversation:${conversation.id}`);
  });

  it('invites after prototype feedback, and not when the pulse is off for prototypes', async () => {
    const proto = await buildPrototype(s.t.db, actorOf(s.staff.facilitator), s.initiative.id);
    const path = `${base}/prototypes/${proto.id}`;
    const person = await joinAsParticipant(s.t.app, s.org.slug, s.initiative.slug);
    await person.get(path);
    const sent = await person.post(`${path}/feedback`, { works: 'Big numbers', rating: '4' });
    expect(sent.statusCode).toBe(303);
    const thanks = await person.get(String(sent.headers.location));
    expect(thanks.body).toContain(INVITE);
    expect(linkIn(thanks.body)).toBe(`${base}/pulse?activity=prototype:${proto.id}`);

    await changePulseSettings(s.t.db, actorOf(s.staff.admin), s.initiative.id, {
      enabled: activityKinds.filter((k) => k !== 'prototype'),
    });
    expect((await person.get(String(sent.headers.location))).body).not.toContain(INVITE);
    expect((await person.get(linkIn(thanks.body)!)).statusCode).toBe(409);
  });
});
