import { roles, type Rule } from '../../platform/actor.js';

/** Who may do what with conversations. */
export const conversationRules = {
  /** Read conversations, their statements and results: every role. */
  view: roles,
  /** Create, edit, open and close a conversation, seed statements, import from Pol.is: those who run involvement. */
  manage: ['admin', 'facilitator'],
  /** Approve or hide statements in the moderation queue. */
  moderate: ['admin', 'facilitator'],
  /** Through the API: enter a consenting participant's vote or statement (at the desk, from a kiosk app). */
  collect: ['admin', 'facilitator', 'frontline'],
  /** Download the Pol.is-format export (participant ids are pseudonymous keys): those who analyse. */
  export: ['admin', 'facilitator', 'analyst'],
} as const satisfies Record<string, Rule>;
