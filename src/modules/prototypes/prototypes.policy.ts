import { roles, type Rule } from '../../platform/actor.js';

/** Who among staff may do what with prototypes (participants give feedback on their pages). */
export const prototypeRules = {
  /** Read prototypes, their rounds and all feedback: every role. */
  view: roles,
  /** Publish a prototype or a new version for a feedback round: those who run involvement. */
  publish: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
