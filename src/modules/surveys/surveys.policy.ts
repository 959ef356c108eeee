import type { Rule } from '../../platform/actor.js';

/** Who may do what with surveys (pages, API and CLI share these rules). */
export const surveyRules = {
  /** See surveys and their aggregated, suppressed results: every staff role. */
  view: ['admin', 'facilitator', 'analyst', 'frontline'],
  /** Build, publish and close surveys: the people who run involvement. */
  manage: ['admin', 'facilitator'],
  /** Key in answers from paper or phone, run kiosks: front-line staff collect in person too. */
  collect: ['admin', 'facilitator', 'frontline'],
  /** Raw responses (exports, one row per person): those who analyse. Front-line staff never see raw data. */
  rawData: ['admin', 'facilitator', 'analyst'],
} as const satisfies Record<string, Rule>;
