import { roles, type Rule } from '../../platform/actor.js';

/** Who among staff may do what with "you said, we did" (the public pages need no sign-in). */
export const outcomeRules = {
  /** Read an initiative's "you said, we did" as JSON: every role. */
  view: roles,
} as const satisfies Record<string, Rule>;
