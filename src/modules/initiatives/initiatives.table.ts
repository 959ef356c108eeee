import type { InitiativesTable } from '../../db/database.js';

/** The four forms of involvement, from ad hoc and small influence to continuous and large influence. */
export const formsOfInvolvement = [
  'informants',
  'advisors',
  'practice_developers',
  'policy_developers',
] as const;
export type FormOfInvolvement = (typeof formsOfInvolvement)[number];

/** The level of influence promised to participants (IAP2 spectrum). */
export const influenceLevels = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const;
export type InfluenceLevel = (typeof influenceLevels)[number];

export const visibilities = ['public', 'invite_only'] as const;
export type Visibility = (typeof visibilities)[number];

export const initiativeStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

/** Activity types offered first for each form of involvement (the rest stay available). */
export const suggestedActivities: Record<FormOfInvolvement, readonly string[]> = {
  informants: ['survey', 'interview'],
  advisors: ['panel', 'conversation', 'survey'],
  practice_developers: ['ideas', 'sprint', 'prototype', 'experiment'],
  policy_developers: ['council', 'conversation', 'decision'],
};

/** A phase of an initiative's timeline. */
export interface Phase {
  id: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
}

/** The current consent text participants accept before contributing. */
export interface ConsentText {
  id: string;
  version: number;
  body: string;
}

/** An initiative with everything planned about it. */
export interface Initiative {
  id: string;
  organizationId: string;
  slug: string;
  title: string;
  summary: string;
  purpose: string;
  objectives: string[];
  targetGroup: string;
  formOfInvolvement: FormOfInvolvement;
  influenceLevel: InfluenceLevel;
  visibility: Visibility;
  status: InitiativeStatus;
  feedbackPlan: string;
  responsibleStaffId: string | null;
  departmentIds: string[];
  phases: Phase[];
  consent: ConsentText | null;
  createdAt: string;
  updatedAt: string;
  openedAt: string | null;
  closedAt: string | null;
  archivedAt: string | null;
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Maps a row and its children to the domain shape. */
export function toInitiative(
  row: InitiativesTable,
  children: { departmentIds: string[]; phases: Phase[]; consent: ConsentText | null },
): Initiative {
  return {
    id: row.id,
    organizationId: row.organization_id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    purpose: row.purpose,
    objectives: parseList(row.objectives),
    targetGroup: row.target_group,
    formOfInvolvement: row.form_of_involvement as FormOfInvolvement,
    influenceLevel: row.influence_level as InfluenceLevel,
    visibility: row.visibility as Visibility,
    status: row.status as InitiativeStatus,
    feedbackPlan: row.feedback_plan,
    responsibleStaffId: row.responsible_staff_id,
    ...children,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    archivedAt: row.archived_at,
  };
}
