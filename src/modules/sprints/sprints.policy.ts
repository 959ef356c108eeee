import { roles, type Rule } from '../../platform/actor.js';

/** Who among staff may do what with sprints (external members see their own sprint's workspace). */
export const sprintRules = {
  /** Read sprints, teams, boards and logs: every role. */
  view: roles,
  /** Create and run sprints (team, board, stages, warnings): those who run involvement. */
  manage: ['admin', 'facilitator'],
} as const satisfies Record<string, Rule>;
