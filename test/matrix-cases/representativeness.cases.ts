import { representativenessRules } from '../../src/modules/representativeness/representativeness.policy.js';
import { registerParticipant } from '../../src/modules/participants/register-participant.js';
import { actorOf } from '../../src/modules/staff/actor-of.js';
import { unique } from '../support/matrix-fixtures.js';
import { buildSurvey } from '../support/survey-factory.js';
import type { RouteCase } from './types.js';

/** Route cases of the representativeness capability. */
export const representativenessCases: Record<string, RouteCase> = {
  'GET /staff/initiatives/:id/representativeness': {
    audience: representativenessRules.view,
    request: (_t, f) => ({ path: `/staff/initiatives/${f.initiative.id}/representativeness` }),
  },
  'POST /staff/initiatives/:id/population/:attributeId': {
    audience: representativenessRules.manage,
    request: async (t, f) => {
      const categories = await t.db
        .selectFrom('demographic_categories')
        .select('id')
        .where('attribute_id', '=', f.attributeId)
        .orderBy('position')
        .execute();
      const share = (100 / Math.max(categories.length, 1)).toFixed(4);
      return {
        path: `/staff/initiatives/${f.initiative.id}/population/${f.attributeId}`,
        form: { source: 'Census', ...Object.fromEntries(categories.map((c) => [`share_${c.id}`, share])) },
      };
    },
  },
  'POST /staff/initiatives/:id/population/import': {
    audience: representativenessRules.manage,
    request: async (t, f) => {
      const attribute = await t.db
        .selectFrom('demographic_attributes')
        .select('key')
        .where('id', '=', f.attributeId)
        .executeTakeFirstOrThrow();
      const categories = await t.db
        .selectFrom('demographic_categories')
        .select('key')
        .where('attribute_id', '=', f.attributeId)
        .execute();
      const share = (1 / Math.max(categories.length, 1)).toFixed(6);
      return {
        path: `/staff/initiatives/${f.initiative.id}/population/import`,
        form: {
          source: 'Census',
          csv: [
            'attribute,category,share',
            ...categories.map((c) => `${attribute.key},${c.key},${share}`),
          ].join('\n'),
        },
      };
    },
  },
  'POST /staff/initiatives/:id/recruit': {
    audience: representativenessRules.recruit,
    request: async (t, f) => {
      // A survey of the initiative and one contactable participant in the first category.
      const { survey } = await buildSurvey(t.db, actorOf(f.staff.admin.member), f.initiative.id, {
        questions: [{ kind: 'short_text', textEn: 'Say something' }],
      });
      const category = await t.db
        .selectFrom('demographic_categories')
        .select('id')
        .where('attribute_id', '=', f.attributeId)
        .orderBy('position')
        .executeTakeFirstOrThrow();
      await registerParticipant(t.db, actorOf(f.staff.admin.member), f.initiative.id, {
        consent: true,
        email: `recruit-${unique()}@example.org`,
        followUp: true,
        demographics: { [f.attributeId]: category.id },
      });
      return {
        path: `/staff/initiatives/${f.initiative.id}/recruit`,
        form: { surveyId: survey.id, attributeId: f.attributeId, categoryId: category.id },
      };
    },
  },
};
