import { representativenessRules } from '../../src/modules/representativeness/representativeness.policy.js';
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
};
