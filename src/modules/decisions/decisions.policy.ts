import { roles, type Rule } from '../../platform/actor.js';

/** Who among staff may do what with decisions. */
export const decisionRules = {
  /** Read decisions and their links: every role. */
  view: roles,
  /** Record decisions and link inputs: those who run involvement. */
  manage: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
