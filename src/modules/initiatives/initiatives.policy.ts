import type { Rule } from '../../platform/actor.js';

/** Who may do what with initiatives (pages, API and CLI share these rules). */
export const initiativeRules = {
  /** See initiatives, their plan and status: every staff role. */
  view: ['admin', 'facilitator', 'analyst', 'frontline'],
  /** Create, edit, open, close and archive: the people who run involvement. */
  manage: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
