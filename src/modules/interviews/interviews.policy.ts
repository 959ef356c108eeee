import { roles, type Rule } from '../../platform/actor.js';

/** Who may do what with interviews, observations, focus groups and workshop notes. */
export const interviewRules = {
  /** Read interviews and their notes and transcripts (pseudonymous): every role, analysts included. */
  view: roles,
  /** Record a new one: those who run involvement, and front-line staff who interview at the desk. */
  record: ['admin', 'facilitator', 'frontline'],
  /** Edit or delete a recorded one: those who run involvement. */
  manage: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
