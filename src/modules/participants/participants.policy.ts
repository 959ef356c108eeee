import { roles, type Rule } from '../../platform/actor.js';

/** Who may do what with participants and demographics (pages, API and CLI share these rules). */
export const participantRules = {
  /** See an initiative's participants pseudonymously: every role. */
  view: roles,
  /** See contact details (email, follow-up, accessibility needs): those who run involvement. */
  viewContact: ['admin', 'facilitator'],
  /** Register someone on their behalf, with their consent (at a desk, by phone). */
  register: ['admin', 'facilitator', 'frontline'],
  /** Define the organization's demographic attributes and their categories. */
  manageDemographics: ['admin'],
} as const satisfies Record<string, Rule>;
