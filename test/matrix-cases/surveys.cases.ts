import { saveSection } from '../../src/modules/surveys/edit-survey-questions.js';
import { surveyRules } from '../../src/modules/surveys/surveys.policy.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import type { TestApp } from '../support/app.js';
import { freshParticipant, type OrgFixture } from '../support/matrix-fixtures.js';
import { buildSurvey } from '../support/survey-factory.js';
import type { RouteCase } from './types.js';

/** A fresh survey in the fixture's open initiative: one required single-choice question and a text. */
async function freshSurvey(t: TestApp, f: OrgFixture, options: { draft?: boolean } = {}) {
  const built = await buildSurvey(t.db, actorOf(f.staff.admin.member), f.initiative.id, {
    settings: { titleEn: `${f.marker} survey` },
    questions: [
      { kind: 'single_choice', textEn: 'Pick one', required: true, options: 'One\nTwo' },
      { kind: 'short_text', textEn: 'Say more' },
    ],
    draft: options.draft ?? false,
  });
  return { survey: built.survey, first: built.questions[0]!, second: built.questions[1]! };
}

const s = (id: string) => `/staff/surveys/${id}`;

/** Route cases of the surveys capability. */
export const surveyCases: Record<string, RouteCase> = {
  // Participant pages.
  'GET /o/:org/i/:slug/s/:surveyId': {
    audience: 'participant',
    request: async (t, f) => {
      const { survey } = await freshSurvey(t, f);
      return { path: `/o/${f.org.slug}/i/${f.initiative.slug}/s/${survey.id}` };
    },
  },
  'POST /o/:org/i/:slug/s/:surveyId': {
    audience: 'participant',
    request: async (t, f) => {
      const { survey, first } = await freshSurvey(t, f);
      return {
        path: `/o/${f.org.slug}/i/${f.initiative.slug}/s/${survey.id}`,
        form: { page: '0', action: 'submit', [`q_${first.id}`]: first.options[0]!.id },
        participant: await freshParticipant(t, f),
      };
    },
  },
  'GET /o/:org/i/:slug/s/:surveyId/done': {
    audience: 'participant',
    request: async (t, f) => {
      const { survey } = await freshSurvey(t, f);
      return { path: `/o/${f.org.slug}/i/${f.initiative.slug}/s/${survey.id}/done` };
    },
  },
  // Staff pages.
  'GET /staff/initiatives/:id/surveys': {
    audience: surveyRules.view,
    request: (_t, f) => ({ path: `/staff/initiatives/${f.initiative.id}/surveys` }),
  },
  'GET /staff/initiatives/:id/surveys/new': {
    audience: surveyRules.manage,
    request: (_t, f) => ({ path: `/staff/initiatives/${f.initiative.id}/surveys/new` }),
  },
  'POST /staff/initiatives/:id/surveys': {
    audience: surveyRules.manage,
    request: (_t, f) => ({
      path: `/staff/initiatives/${f.initiative.id}/surveys`,
      form: { titleEn: 'A new survey', layout: 'all_on_one_page' },
    }),
  },
  'GET /staff/surveys/:id': {
    audience: surveyRules.view,
    request: async (t, f) => ({ path: s((await freshSurvey(t, f)).survey.id) }),
  },
  'POST /staff/surveys/:id/settings': {
    audience: surveyRules.manage,
    request: async (t, f) => ({
      path: `${s((await freshSurvey(t, f)).survey.id)}/settings`,
      form: { titleEn: 'Renamed', layout: 'one_per_page' },
    }),
  },
  'POST /staff/surveys/:id/questions': {
    audience: surveyRules.manage,
    request: async (t, f) => ({
      path: `${s((await freshSurvey(t, f, { draft: true })).survey.id)}/questions`,
      form: { kind: 'nps', textEn: 'Would you recommend us?' },
    }),
  },
  'POST /staff/surveys/:id/sections': {
    audience: surveyRules.manage,
    request: async (t, f) => ({
      path: `${s((await freshSurvey(t, f, { draft: true })).survey.id)}/sections`,
      form: { titleEn: 'About you' },
    }),
  },
  'GET /staff/surveys/:id/questions/:questionId': {
    audience: surveyRules.manage,
    request: async (t, f) => {
      const { survey, first } = await freshSurvey(t, f, { draft: true });
      return { path: `${s(survey.id)}/questions/${first.id}` };
    },
  },
  'POST /staff/surveys/:id/questions/:questionId': {
    audience: surveyRules.manage,
    request: async (t, f) => {
      const { survey, first } = await freshSurvey(t, f, { draft: true });
      return {
        path: `${s(survey.id)}/questions/${first.id}`,
        form: { kind: 'single_choice', textEn: 'Pick one, please', options: 'One\nTwo\nThree' },
      };
    },
  },
  'POST /staff/surveys/:id/questions/:questionId/delete': {
    audience: surveyRules.manage,
    request: async (t, f) => {
      const { survey, second } = await freshSurvey(t, f, { draft: true });
      return { path: `${s(survey.id)}/questions/${second.id}/delete`, form: {} };
    },
  },
  'POST /staff/surveys/:id/questions/:questionId/move': {
    audience: surveyRules.manage,
    request: async (t, f) => {
      const { survey, second } = await freshSurvey(t, f, { draft: true });
      return { path: `${s(survey.id)}/questions/${second.id}/move`, form: { direction: 'up' } };
    },
  },
  'POST /staff/surveys/:id/publish': {
    audience: surveyRules.manage,
    request: async (t, f) => ({
      path: `${s((await freshSurvey(t, f, { draft: true })).survey.id)}/publish`,
      form: {},
    }),
  },
  'POST /staff/surveys/:id/close': {
    audience: surveyRules.manage,
    request: async (t, f) => ({ path: `${s((await freshSurvey(t, f)).survey.id)}/close`, form: {} }),
  },
  'GET /staff/surveys/:id/preview': {
    audience: surveyRules.view,
    request: async (t, f) => ({ path: `${s((await freshSurvey(t, f, { draft: true })).survey.id)}/preview` }),
  },
  'GET /staff/surveys/:id/results': {
    audience: surveyRules.view,
    request: async (t, f) => ({ path: `${s((await freshSurvey(t, f)).survey.id)}/results` }),
  },
  'GET /staff/surveys/:id/export.csv': {
    audience: surveyRules.rawData,
    request: async (t, f) => ({ path: `${s((await freshSurvey(t, f)).survey.id)}/export.csv` }),
  },
  'GET /staff/surveys/:id/export.xlsx': {
    audience: surveyRules.rawData,
    request: async (t, f) => ({ path: `${s((await freshSurvey(t, f)).survey.id)}/export.xlsx` }),
  },
  'GET /staff/surveys/:id/codebook.csv': {
    audience: surveyRules.rawData,
    request: async (t, f) => ({ path: `${s((await freshSurvey(t, f)).survey.id)}/codebook.csv` }),
  },
  // JSON API.
  'GET /api/v1/initiatives/:id/surveys': {
    audience: surveyRules.view,
    request: (_t, f) => ({ path: `/api/v1/initiatives/${f.initiative.id}/surveys` }),
  },
  'GET /api/v1/surveys/:id': {
    audience: surveyRules.view,
    request: async (t, f) => ({ path: `/api/v1/surveys/${(await freshSurvey(t, f)).survey.id}` }),
  },
  'POST /api/v1/surveys/:id/responses': {
    audience: surveyRules.collect,
    request: async (t, f) => {
      const { survey, first } = await freshSurvey(t, f);
      return {
        path: `/api/v1/surveys/${survey.id}/responses`,
        json: { answers: { [first.id]: first.options[0]!.id }, mode: 'paper' },
      };
    },
  },
  'GET /api/v1/surveys/:id/results': {
    audience: surveyRules.view,
    request: async (t, f) => ({ path: `/api/v1/surveys/${(await freshSurvey(t, f)).survey.id}/results` }),
  },
  'POST /staff/surveys/:id/sections/:sectionId': {
    audience: surveyRules.manage,
    request: async (t, f) => {
      const { survey } = await freshSurvey(t, f, { draft: true });
      const sectionId = survey.draft.sections[0]!.id;
      return { path: `${s(survey.id)}/sections/${sectionId}`, form: { titleEn: 'Renamed section' } };
    },
  },
  'POST /staff/surveys/:id/sections/:sectionId/delete': {
    audience: surveyRules.manage,
    request: async (t, f) => {
      const { survey } = await freshSurvey(t, f, { draft: true });
      await saveSection(t.db, actorOf(f.staff.admin.member), survey.id, undefined, { titleEn: 'Extra' });
      return { path: `${s(survey.id)}/sections/${survey.draft.sections[0]!.id}/delete`, form: {} };
    },
  },
};
