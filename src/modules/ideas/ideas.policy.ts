import { roles, type Rule } from '../../platform/actor.js';

/** Who among staff may do what on idea boards (participants post, comment and support on their pages). */
export const ideaRules = {
  /** Read the board with hidden ideas and moderation: every role. */
  view: roles,
  /** Post, comment and support as staff: those who run involvement and front-line staff. */
  contribute: ['admin', 'facilitator', 'frontline'],
  /** Move through statuses, merge duplicates, hide: those who run involvement. */
  moderate: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
