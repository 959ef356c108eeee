import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { ideaTitles } from '../ideas/check-idea-ids.js';
import { prototypeTitles } from '../prototypes/guest-feedback.js';
import { experimentTitles } from '../experiments/experiment-titles.js';
import { loadSprint } from './sprint-access.js';
import { listActivity, listItems, listMembers, listSprintRows } from './sprints.repository.js';
import { sprintRules } from './sprints.policy.js';
import { compositionWarnings, stages, type SprintsTable } from './sprints.table.js';

/** A sprint as pages and the API show it. */
export interface SprintView {
  id: string;
  initiativeId: string;
  challenge: string;
  inScope: string;
  outOfScope: string;
  startsOn: string;
  endsOn: string;
  stage: string;
  createdAt: string;
}

/** A team member as shown (never their invitation link). */
export interface MemberView {
  id: string;
  name: string;
  role: string;
  externalKind: string | null;
  departmentId: string | null;
  joined: boolean;
}

/** The board: each stage with the ideas, prototypes and experiments placed at it. */
export type Board = { stage: string; items: { kind: string; id: string; title: string }[] }[];

/** A sprint row as shown. */
export function toSprintView(s: SprintsTable): SprintView {
  return {
    id: s.id,
    initiativeId: s.initiative_id,
    challenge: s.challenge,
    inScope: s.in_scope,
    outOfScope: s.out_of_scope,
    startsOn: s.starts_on,
    endsOn: s.ends_on,
    stage: s.stage,
    createdAt: s.created_at,
  };
}

/** The team, its open composition warnings, the board and the log of a sprint (no access checks). */
export async function sprintDetails(db: Db, sprint: SprintsTable, actor?: StaffActor) {
  const org = sprint.organization_id;
  const rows = await listMembers(db, org, sprint.id);
  const dismissed = JSON.parse(sprint.dismissed_warnings) as string[];
  const items = await listItems(db, org, sprint.id);
  const ideas = await ideaTitles(
    db,
    org,
    items.filter((i) => i.kind === 'idea').map((i) => i.item_id),
  );
  const prototypes = await prototypeTitles(db, actor, org, sprint.initiative_id);
  const experiments = await experimentTitles(db, actor, org, sprint.initiative_id);
  const titleOf = (kind: string, id: string) =>
    (kind === 'idea' ? ideas.get(id) : kind === 'prototype' ? prototypes.get(id) : experiments.get(id)) ?? id;
  const board: Board = stages.map((stage) => ({
    stage,
    items: items
      .filter((i) => i.stage === stage)
      .map((i) => ({ kind: i.kind, id: i.item_id, title: titleOf(i.kind, i.item_id) })),
  }));
  return {
    sprint: toSprintView(sprint),
    members: rows.map((m): MemberView => ({
      id: m.id,
      name: m.name,
      role: m.role,
      externalKind: m.external_kind,
      departmentId: m.department_id,
      joined: m.role !== 'external' || m.joined_at !== null,
    })),
    warnings: compositionWarnings(rows).filter((w) => !dismissed.includes(w)),
    board,
    activity: (await listActivity(db, org, sprint.id)).map((a) => ({
      who: a.who,
      action: a.action,
      subject: a.subject,
      at: a.created_at,
    })),
  };
}

/** One sprint for staff: team, composition warnings, board and activity log. */
export async function getSprint(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  sprintId: string,
) {
  authorize(actor, sprintRules.view);
  const { initiative, sprint } = await loadSprint(db, actor, initiativeId, sprintId);
  return {
    initiative,
    ...(await sprintDetails(db, sprint, actor)),
    canManage: can(actor, sprintRules.manage),
  };
}

/** An initiative's sprints for staff. */
export async function listSprints(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<{ initiative: Initiative; sprints: SprintView[]; canManage: boolean }> {
  authorize(actor, sprintRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  const rows = await listSprintRows(db, actor.organizationId, initiative.id);
  return { initiative, sprints: rows.map(toSprintView), canManage: can(actor, sprintRules.manage) };
}
