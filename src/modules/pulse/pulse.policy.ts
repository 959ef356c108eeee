import type { Rule } from '../../platform/actor.js';

/** Who among staff may do what with the pulse (participants answer it on their own pages). */
export const pulseRules = {
  /** Read the pulse report: those who run involvement and analysts. */
  view: ['admin', 'facilitator', 'analyst'],
  /** Switch the pulse on or off per activity kind: those who run involvement. */
  configure: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
