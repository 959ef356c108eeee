import type { Rule } from '../../platform/actor.js';

/** Who may do what with target populations and the representativeness view. */
export const representativenessRules = {
  /** See who is missing: every staff role (front-line staff recruit in person). */
  view: ['admin', 'facilitator', 'analyst', 'frontline'],
  /** Enter or import the population margins and quotas: those who plan, and analysts who know the data. */
  manage: ['admin', 'facilitator', 'analyst'],
  /** Invite a missing group to a survey: those who may send survey invitations. */
  recruit: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
