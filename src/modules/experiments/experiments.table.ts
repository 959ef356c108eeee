// Experiments and pilots: a hypothesis tested with users before anything becomes business as usual,
// closed by a decision gate (scale up, iterate, stop) that refuses scale-up without a user test.

/** One experiment or pilot. */
export interface ExperimentsTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  department_id: string | null;
  title: string;
  we_believe: string;
  for_whom: string;
  will_result_in: string;
  measure: string;
  success_criterion: string;
  method: string;
  pilot_site: string;
  starts_on: string;
  ends_on: string;
  idea_ids: string;
  prototype_ids: string;
  users_tested: number;
  user_segments: string;
  results: string;
  learnings: string;
  decision: string | null;
  decision_reason: string;
  decided_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** How it is tested. */
export const methods = ['pilot_site', 'before_after', 'ab'] as const;
/** The decision gate. */
export const decisions = ['scale_up', 'iterate', 'stop'] as const;
export type Decision = (typeof decisions)[number];

/** An experiment as pages and the API show it. */
export interface Experiment {
  id: string;
  initiativeId: string;
  departmentId: string | null;
  title: string;
  hypothesis: { weBelieve: string; forWhom: string; willResultIn: string };
  measure: string;
  successCriterion: string;
  method: string;
  pilotSite: string;
  startsOn: string;
  endsOn: string;
  ideaIds: string[];
  prototypeIds: string[];
  usersTested: number;
  userSegments: string;
  results: string;
  learnings: string;
  decision: Decision | null;
  decisionReason: string;
  decidedAt: string | null;
  createdAt: string;
}

/** Maps a row to the domain shape. */
export function toExperiment(r: ExperimentsTable): Experiment {
  return {
    id: r.id,
    initiativeId: r.initiative_id,
    departmentId: r.department_id,
    title: r.title,
    hypothesis: { weBelieve: r.we_believe, forWhom: r.for_whom, willResultIn: r.will_result_in },
    measure: r.measure,
    successCriterion: r.success_criterion,
    method: r.method,
    pilotSite: r.pilot_site,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    ideaIds: JSON.parse(r.idea_ids) as string[],
    prototypeIds: JSON.parse(r.prototype_ids) as string[],
    usersTested: Number(r.users_tested),
    userSegments: r.user_segments,
    results: r.results,
    learnings: r.learnings,
    decision: r.decision as Decision | null,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
  };
}
