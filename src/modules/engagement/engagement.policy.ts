import type { Rule } from '../../platform/actor.js';

/** Who may do what with engagement segments and re-engagement campaigns. */
export const engagementRules = {
  /** See the segments and the campaigns' reports (counts only, no contact details). */
  view: ['admin', 'facilitator', 'analyst'],
  /** Choose after how many days a participant has lapsed: an organization-wide setting. */
  configure: ['admin'],
  /** Write, preview and send a campaign: those who may see contact details and write to participants. */
  campaign: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
