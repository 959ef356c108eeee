import { roles, type Rule } from '../../platform/actor.js';

/** Who among staff may do what with experiments and pilots. */
export const experimentRules = {
  /** Read experiments: every role. */
  view: roles,
  /** Plan experiments, record results and decide: those who run involvement. */
  manage: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
