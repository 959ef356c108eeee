import { actorOf } from '../../src/modules/staff/actor-of.js';
import { inviteToSurvey } from '../../src/modules/surveys/invite-to-survey.js';
import { beginKioskRespondent, openKiosk, startKiosk } from '../../src/modules/surveys/kiosk.js';
import { KIOSK_COOKIE } from '../../src/modules/surveys/surveys.distribution-routes.js';
import { surveyRules } from '../../src/modules/surveys/surveys.policy.js';
import type { TestApp } from '../support/app.js';
import { FormClient } from '../support/http-client.js';
import { unique, type OrgFixture } from '../support/matrix-fixtures.js';
import { buildSurvey } from '../support/survey-factory.js';
import type { RouteCase } from './types.js';

/** A fresh published survey in the fixture's open initiative: one required single choice and a text. */
async function liveSurvey(t: TestApp, f: OrgFixture) {
  const built = await buildSurvey(t.db, actorOf(f.staff.admin.member), f.initiative.id, {
    settings: { titleEn: `${f.marker} distributed survey` },
    questions: [
      { kind: 'single_choice', textEn: 'Pick one', required: true, options: 'One\nTwo' },
      { kind: 'short_text', textEn: 'Say more' },
    ],
  });
  return { survey: built.survey, first: built.questions[0]! };
}

const s = (id: string) => `/staff/surveys/${id}`;
const publicPath = (f: OrgFixture, surveyId: string) =>
  `/o/${f.org.slug}/i/${f.initiative.slug}/s/${surveyId}`;

/** A fresh invitation by address; returns its link's path (read back from the outbox). */
async function freshInvitationPath(t: TestApp, f: OrgFixture): Promise<string> {
  const { survey } = await liveSurvey(t, f);
  const email = `invitee-${unique()}@example.org`;
  await inviteToSurvey(
    t.db,
    actorOf(f.staff.admin.member),
    survey.id,
    { emails: email },
    { publicUrl: t.config.publicUrl, translatorFor: (l) => t.app.deps.i18n.getFixedT(l) },
  );
  const mail = await t.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', email)
    .executeTakeFirstOrThrow();
  return /\/o\/\S+\/invitation\/[\w-]+/.exec(mail.text_body)![0];
}

/** A kiosk started on a fresh survey, and a device holding its cookie. */
async function freshKiosk(t: TestApp, f: OrgFixture) {
  const { survey, first } = await liveSurvey(t, f);
  const started = await startKiosk(t.db, actorOf(f.staff.admin.member), survey.id);
  const device = new FormClient(t.app);
  device.cookies.set(KIOSK_COOKIE, started.token);
  return { survey, first, device, started, path: `${publicPath(f, survey.id)}/kiosk/${started.kioskId}` };
}

/** Route cases of survey distribution: the Distribute page, invitations, QR, kiosks, keyed-in responses. */
export const surveyDistributionCases: Record<string, RouteCase> = {
  // Staff pages.
  'GET /staff/surveys/:id/distribute': {
    audience: surveyRules.view,
    request: async (t, f) => ({ path: `${s((await liveSurvey(t, f)).survey.id)}/distribute` }),
  },
  'GET /staff/surveys/:id/qr.svg': {
    audience: surveyRules.view,
    request: async (t, f) => ({ path: `${s((await liveSurvey(t, f)).survey.id)}/qr.svg` }),
  },
  'POST /staff/surveys/:id/invitations': {
    audience: surveyRules.manage,
    request: async (t, f) => ({
      path: `${s((await liveSurvey(t, f)).survey.id)}/invitations`,
      form: { emails: `someone-${unique()}@example.org`, locale: 'da' },
    }),
  },
  'POST /staff/surveys/:id/reminders': {
    audience: surveyRules.manage,
    request: async (t, f) => ({ path: `${s((await liveSurvey(t, f)).survey.id)}/reminders`, form: {} }),
  },
  'POST /staff/surveys/:id/kiosk': {
    // Without `signOut`: the fixture's staff sessions must survive starting kiosks.
    audience: surveyRules.collect,
    request: async (t, f) => ({ path: `${s((await liveSurvey(t, f)).survey.id)}/kiosk`, form: {} }),
  },
  'POST /staff/surveys/:id/kiosks/:kioskId/end': {
    audience: surveyRules.collect,
    request: async (t, f) => {
      const { survey, started } = await freshKiosk(t, f);
      return { path: `${s(survey.id)}/kiosks/${started.kioskId}/end`, form: {} };
    },
  },
  'GET /staff/surveys/:id/responses/new': {
    audience: surveyRules.collect,
    request: async (t, f) => ({ path: `${s((await liveSurvey(t, f)).survey.id)}/responses/new` }),
  },
  'POST /staff/surveys/:id/responses': {
    audience: surveyRules.collect,
    request: async (t, f) => {
      const { survey, first } = await liveSurvey(t, f);
      return {
        path: `${s(survey.id)}/responses`,
        form: { mode: 'paper', [`q_${first.id}`]: first.options[0]!.id },
      };
    },
  },
  // Personal invitation links: the token is the key, so anyone holding it.
  'GET /o/:org/i/:slug/s/:surveyId/invitation/:token': {
    audience: 'anyone',
    request: async (t, f) => ({ path: await freshInvitationPath(t, f) }),
  },
  'POST /o/:org/i/:slug/s/:surveyId/invitation/:token': {
    audience: 'anyone',
    request: async (t, f) => ({
      path: await freshInvitationPath(t, f),
      form: { consent: 'true', consentTextId: f.initiative.consent!.id },
    }),
  },
  // Kiosk pages: the device holding the kiosk cookie plays the participant.
  'GET /o/:org/i/:slug/s/:surveyId/kiosk/:kioskId': {
    audience: 'participant',
    request: async (t, f) => {
      const { device, path } = await freshKiosk(t, f);
      return { path, participant: device };
    },
  },
  'POST /o/:org/i/:slug/s/:surveyId/kiosk/:kioskId/start': {
    audience: 'participant',
    request: async (t, f) => {
      const { device, path } = await freshKiosk(t, f);
      return {
        path: `${path}/start`,
        form: { consent: 'true', consentTextId: f.initiative.consent!.id },
        participant: device,
      };
    },
  },
  'POST /o/:org/i/:slug/s/:surveyId/kiosk/:kioskId': {
    audience: 'participant',
    request: async (t, f) => {
      const { device, path, survey, first, started } = await freshKiosk(t, f);
      const open = await openKiosk(
        t.db,
        f.org.id,
        f.initiative.slug,
        survey.id,
        started.kioskId,
        started.token,
      );
      const { respondentToken } = await beginKioskRespondent(t.db, open, {
        consent: 'true',
        consentTextId: f.initiative.consent!.id,
      });
      return {
        path,
        form: { respondent: respondentToken, [`q_${first.id}`]: first.options[0]!.id },
        participant: device,
      };
    },
  },
  'GET /o/:org/i/:slug/s/:surveyId/kiosk/:kioskId/thanks': {
    audience: 'participant',
    request: async (t, f) => {
      const { device, path } = await freshKiosk(t, f);
      return { path: `${path}/thanks`, participant: device };
    },
  },
};
