// Co-creation sprints: a delimited challenge worked on by a mixed team through the stages
// understand → ideate → prototype → test → decide, with a board of the ideas, prototypes and
// experiments at each stage and a log of what happened.

/** A sprint. */
export interface SprintsTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  challenge: string;
  in_scope: string;
  out_of_scope: string;
  starts_on: string;
  ends_on: string;
  stage: string;
  dismissed_warnings: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A member of a sprint team. */
export interface SprintMembersTable {
  id: string;
  organization_id: string;
  sprint_id: string;
  name: string;
  role: string;
  external_kind: string | null;
  staff_id: string | null;
  participant_id: string | null;
  department_id: string | null;
  invitation_hash: string | null;
  joined_at: string | null;
  created_at: string;
}

/** An idea, prototype or experiment placed on the sprint's board at a stage. */
export interface SprintItemsTable {
  id: string;
  organization_id: string;
  sprint_id: string;
  kind: string;
  item_id: string;
  stage: string;
  created_at: string;
}

/** One line of a sprint's activity log. */
export interface SprintActivityTable {
  id: string;
  organization_id: string;
  sprint_id: string;
  who: string;
  action: string;
  subject: string;
  created_at: string;
}

/** The stages of a sprint, in order. */
export const stages = ['understand', 'ideate', 'prototype', 'test', 'decide'] as const;
export type Stage = (typeof stages)[number];

/** The roles in a sprint team. */
export const memberRoles = ['facilitator', 'frontline', 'other_staff', 'user', 'external'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** The kinds of external stakeholder. */
export const externalKinds = [
  'partner',
  'subject_expert',
  'politician',
  'association',
  'researcher',
  'student',
  'other',
] as const;

/** Kinds of things on the board. */
export const itemKinds = ['idea', 'prototype', 'experiment'] as const;
export type ItemKind = (typeof itemKinds)[number];

/** Composition warnings, shown until resolved or dismissed. */
export const warningCodes = ['noUsers', 'noFrontline', 'oneDepartment', 'noFacilitator'] as const;
export type WarningCode = (typeof warningCodes)[number];

/** Whether a role is a staff role (and so has a department). */
export const isStaffRole = (role: string): boolean =>
  ['facilitator', 'frontline', 'other_staff'].includes(role);

/**
 * The composition warnings a team gives: no users, no front-line staff, all staff from one
 * department (a silo, when there are at least two staff members), no facilitator.
 */
export function compositionWarnings(
  members: { role: string; department_id: string | null }[],
): WarningCode[] {
  const out: WarningCode[] = [];
  if (!members.some((m) => m.role === 'user')) out.push('noUsers');
  if (!members.some((m) => m.role === 'frontline')) out.push('noFrontline');
  const staff = members.filter((m) => isStaffRole(m.role));
  const departments = new Set(staff.map((m) => m.department_id ?? ''));
  if (staff.length >= 2 && departments.size === 1) out.push('oneDepartment');
  if (!members.some((m) => m.role === 'facilitator')) out.push('noFacilitator');
  return out;
}
