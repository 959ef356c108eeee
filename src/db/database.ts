import type { Generated, Kysely, Transaction } from 'kysely';
import type {
  SurveyInvitationsTable,
  SurveyKiosksTable,
  SurveyResponseCountsTable,
  SurveyResponsesTable,
  SurveyTalliesTable,
  SurveysTable,
  SurveyVersionsTable,
} from '../modules/surveys/surveys.table.js';
import type { TargetPopulationsTable } from '../modules/representativeness/representativeness.table.js';
import type { InterviewPiecesTable, InterviewsTable } from '../modules/interviews/interviews.table.js';
import type {
  ConversationResultsTable,
  ConversationStatementsTable,
  ConversationsTable,
  ConversationVotesTable,
} from '../modules/conversations/conversations.table.js';
import type {
  IdeaCommentsTable,
  IdeaImagesTable,
  IdeaSupportsTable,
  IdeasTable,
} from '../modules/ideas/ideas.table.js';
import type {
  PrototypeFeedbackTable,
  PrototypeFilesTable,
  PrototypesTable,
  PrototypeVersionsTable,
} from '../modules/prototypes/prototypes.table.js';
import type {
  SprintActivityTable,
  SprintItemsTable,
  SprintMembersTable,
  SprintsTable,
} from '../modules/sprints/sprints.table.js';
import type { ExperimentsTable } from '../modules/experiments/experiments.table.js';
import type {
  DecisionLinksTable,
  DecisionsTable,
  InputReviewsTable,
} from '../modules/decisions/decisions.table.js';
import type { FollowUpSubscriptionsTable } from '../modules/follow-up/follow-up.table.js';
import type {
  EngagementCampaignRecipientsTable,
  EngagementCampaignsTable,
  EngagementSettingsTable,
} from '../modules/engagement/engagement.table.js';
import type { InfluenceSettingsTable } from '../modules/influence/influence.table.js';
import type { PulseAnswersTable, PulseSettingsTable } from '../modules/pulse/pulse.table.js';

// Conventions shared by both engines: ids are text UUIDs, timestamps are ISO-8601 UTC text,
// booleans are integers 0/1, lists and objects are JSON text. That keeps one migration history
// and identical row shapes on SQLite and PostgreSQL.

/** Organizations: the tenants. */
export interface OrganizationsTable {
  id: string;
  slug: string;
  name: string;
  default_locale: string;
  small_cell_k: Generated<number>;
  created_at: string;
}

export interface DepartmentsTable {
  id: string;
  organization_id: string;
  name: string;
  created_at: string;
}

export interface StaffTable {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  department_id: string | null;
  password_hash: string | null;
  locale: string;
  status: string;
  created_at: string;
}

export interface StaffInvitationsTable {
  id: string;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  department_id: string | null;
  token_hash: string;
  invited_by: string | null;
  expires_at: string;
  accepted_at: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  staff_id: string;
  organization_id: string;
  expires_at: string;
  created_at: string;
}

export interface ApiTokensTable {
  id: string;
  organization_id: string;
  staff_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InitiativesTable {
  id: string;
  organization_id: string;
  slug: string;
  title: string;
  summary: string;
  purpose: string;
  objectives: string;
  target_group: string;
  form_of_involvement: string;
  influence_level: string;
  visibility: string;
  status: string;
  feedback_plan: string;
  responsible_staff_id: string | null;
  created_at: string;
  updated_at: string;
  opened_at: string | null;
  closed_at: string | null;
  archived_at: string | null;
}

export interface InitiativePhasesTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  name: string;
  starts_on: string | null;
  ends_on: string | null;
  position: number;
}

export interface InitiativeDepartmentsTable {
  organization_id: string;
  initiative_id: string;
  department_id: string;
}

export interface ConsentTextsTable {
  id: string;
  organization_id: string;
  initiative_id: string;
  version: number;
  body: string;
  created_at: string;
}

export interface ParticipantsTable {
  id: string;
  organization_id: string;
  pseudonym: string;
  email: string | null;
  follow_up: number;
  locale: string;
  accessibility_needs: string;
  created_at: string;
  erased_at: string | null;
  /** 1 when the participant agrees to be quoted without their name on public pages. */
  quote_consent: number;
}

export interface InitiativeParticipantsTable {
  organization_id: string;
  initiative_id: string;
  participant_id: string;
  consent_text_id: string;
  consented_at: string;
  joined_at: string;
  channel: string;
}

export interface DemographicAttributesTable {
  id: string;
  organization_id: string;
  key: string;
  label_en: string;
  label_da: string;
  position: number;
}

export interface DemographicCategoriesTable {
  id: string;
  organization_id: string;
  attribute_id: string;
  key: string;
  label_en: string;
  label_da: string;
  position: number;
}

export interface ParticipantDemographicsTable {
  organization_id: string;
  participant_id: string;
  attribute_id: string;
  /** null with prefer_not_to_say = 1 means "prefer not to say". */
  category_id: string | null;
  prefer_not_to_say: number;
  updated_at: string;
}

export interface AuditLogTable {
  id: string;
  organization_id: string;
  staff_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  details: string;
  created_at: string;
}

export interface MailOutboxTable {
  id: string;
  organization_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** Extra header lines as a JSON object (e.g. List-Unsubscribe), or null. */
  headers: string | null;
}

/** Every table of the platform. Modules add theirs here as they land. */
export interface Database {
  organizations: OrganizationsTable;
  departments: DepartmentsTable;
  staff: StaffTable;
  staff_invitations: StaffInvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  initiatives: InitiativesTable;
  initiative_phases: InitiativePhasesTable;
  initiative_departments: InitiativeDepartmentsTable;
  consent_texts: ConsentTextsTable;
  participants: ParticipantsTable;
  initiative_participants: InitiativeParticipantsTable;
  demographic_attributes: DemographicAttributesTable;
  demographic_categories: DemographicCategoriesTable;
  participant_demographics: ParticipantDemographicsTable;
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  surveys: SurveysTable;
  survey_versions: SurveyVersionsTable;
  survey_responses: SurveyResponsesTable;
  survey_tallies: SurveyTalliesTable;
  survey_invitations: SurveyInvitationsTable;
  survey_kiosks: SurveyKiosksTable;
  survey_response_counts: SurveyResponseCountsTable;
  target_populations: TargetPopulationsTable;
  interviews: InterviewsTable;
  interview_pieces: InterviewPiecesTable;
  conversations: ConversationsTable;
  conversation_statements: ConversationStatementsTable;
  conversation_votes: ConversationVotesTable;
  conversation_results: ConversationResultsTable;
  ideas: IdeasTable;
  idea_images: IdeaImagesTable;
  idea_comments: IdeaCommentsTable;
  idea_supports: IdeaSupportsTable;
  prototypes: PrototypesTable;
  prototype_versions: PrototypeVersionsTable;
  prototype_files: PrototypeFilesTable;
  prototype_feedback: PrototypeFeedbackTable;
  sprints: SprintsTable;
  sprint_members: SprintMembersTable;
  sprint_items: SprintItemsTable;
  sprint_activity: SprintActivityTable;
  experiments: ExperimentsTable;
  decisions: DecisionsTable;
  decision_links: DecisionLinksTable;
  input_reviews: InputReviewsTable;
  follow_up_subscriptions: FollowUpSubscriptionsTable;
  engagement_settings: EngagementSettingsTable;
  engagement_campaigns: EngagementCampaignsTable;
  engagement_campaign_recipients: EngagementCampaignRecipientsTable;
  influence_settings: InfluenceSettingsTable;
  pulse_answers: PulseAnswersTable;
  pulse_settings: PulseSettingsTable;
}

/** A database handle or an open transaction: use cases accept either, the caller owns the transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
