import type { PulseQuestion } from '../../analysis/pulse/index.js';

// The participant experience pulse's tables and their mapping to the domain.

/** One pulse: three optional 1..5 answers and a free text, after one activity. */
export interface PulseAnswersTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  activity_kind: string;
  activity_id: string;
  /** Null for an anonymous (kiosk) respondent. */
  participant_id: string | null;
  heard: number | null;
  easy: number | null;
  again: number | null;
  comment: string;
  created_at: string;
}

/** Whether an initiative asks for a pulse after one activity kind; no row means yes. */
export interface PulseSettingsTable {
  organization_id: string;
  initiative_id: string;
  activity_kind: string;
  enabled: number;
  updated_by: string | null;
  updated_at: string;
}

/**
 * The activities a pulse can follow. The activity id is the survey's, the conversation's or the
 * prototype's; an initiative has one idea board, so for `ideas` it is the initiative's own id.
 */
export const activityKinds = ['survey', 'ideas', 'conversation', 'prototype'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Whether a string names an activity kind. */
export function isActivityKind(value: unknown): value is ActivityKind {
  return typeof value === 'string' && (activityKinds as readonly string[]).includes(value);
}

/** A stored pulse as the domain sees it. */
export interface Pulse {
  id: string;
  initiativeId: string;
  activityKind: ActivityKind;
  activityId: string;
  participantId: string | null;
  scores: Record<PulseQuestion, number | null>;
  comment: string;
  createdAt: string;
}

/** Maps a row to the domain shape. */
export function toPulse(row: PulseAnswersTable): Pulse {
  return {
    id: row.id,
    initiativeId: row.initiative_id,
    activityKind: row.activity_kind as ActivityKind,
    activityId: row.activity_id,
    participantId: row.participant_id,
    scores: { heard: row.heard, easy: row.easy, again: row.again },
    comment: row.comment,
    createdAt: row.created_at,
  };
}
