// The surveys capability's tables (registered in src/db/database.ts) and their domain values.

import type { Generated } from 'kysely';

export interface SurveysTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  title_en: string;
  title_da: string;
  intro_en: string;
  intro_da: string;
  status: string;
  layout: string;
  allow_multiple: number;
  /** The working copy staff edit (JSON of a SurveyDefinition); frozen into a version on publish. */
  draft_definition: string;
  current_version_id: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  closed_at: string | null;
}

export interface SurveyVersionsTable {
  id: string;
  organization_id: string;
  survey_id: string;
  version: number;
  definition: string;
  created_at: string;
}

export interface SurveyResponsesTable {
  id: string;
  organization_id: string;
  survey_id: string;
  version_id: string;
  participant_id: string | null;
  consent_text_id: string | null;
  channel: string;
  mode: string;
  entered_by: string | null;
  status: string;
  /** JSON object: question id → answer. */
  answers: string;
  /** JSON object: demographic attribute id → category id, as the respondent was when completing. */
  segments: string;
  page: number;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
  /**
   * 1 once a completed response is in the tallies (the tallier sets it with the tallies it wrote);
   * QUARANTINED when the tallier could not read or count it (kept for inspection, never counted).
   */
  tallied: Generated<number>;
}

export interface SurveyTalliesTable {
  organization_id: string;
  survey_id: string;
  question_id: string;
  /** '' for everyone, or `<attribute id>:<category id>`. */
  segment: string;
  data: string;
}

export interface SurveyInvitationsTable {
  id: string;
  organization_id: string;
  survey_id: string;
  participant_id: string | null;
  email: string | null;
  token_hash: string;
  response_id: string | null;
  sent_at: string;
  reminded_at: string | null;
  opened_at: string | null;
  /** The invitee's language (mails and the reminder). */
  locale: string;
  /** The reminder's own link (the first link keeps working too). */
  reminder_token_hash: string | null;
}

/** A kiosk: a shared device collecting anonymous responses in person, one respondent at a time. */
export interface SurveyKiosksTable {
  id: string;
  organization_id: string;
  survey_id: string;
  started_by: string | null;
  token_hash: string;
  /** The one-time form token of the respondent at the kiosk now (withdrawn when a new one starts). */
  respondent_token_hash: string | null;
  respondent_consent_text_id: string | null;
  respondent_started_at: string | null;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
}

/** Responses started and completed per survey, channel and mode (kept as responses are written). */
export interface SurveyResponseCountsTable {
  organization_id: string;
  survey_id: string;
  channel: string;
  mode: string;
  started: number;
  completed: number;
}

export const surveyStatuses = ['draft', 'published', 'closed'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export const surveyLayouts = ['all_on_one_page', 'one_per_page'] as const;
export type SurveyLayout = (typeof surveyLayouts)[number];

/** How a response reached us. */
export const responseChannels = ['link', 'invitation', 'kiosk', 'staff', 'api'] as const;
export type ResponseChannel = (typeof responseChannels)[number];

/** How the respondent answered (staff keying in paper or phone answers record which). */
export const responseModes = ['online', 'paper', 'phone', 'in_person'] as const;
export type ResponseMode = (typeof responseModes)[number];

/** The `tallied` value of a response the tallier could not count (unreadable or impossible answers). */
export const QUARANTINED = -1;
