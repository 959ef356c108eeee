import type { Rule } from '../../platform/actor.js';

/** Who among staff may see influence metrics and set the token-risk thresholds. */
export const influenceRules = {
  /** The dashboard and its API: those who run involvement and those who analyse it. */
  view: ['admin', 'facilitator', 'analyst'],
  /** The organization's token-risk thresholds: administrators. */
  configure: ['admin'],
} as const satisfies Record<string, Rule>;
