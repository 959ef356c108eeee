// Engagement: the organization's lapse setting and "we miss you" campaigns with their recipients.

/** One organization's engagement setting (absent: the defaults). */
export interface EngagementSettingsTable {
  organization_id: string;
  lapsed_after_days: number;
  updated_by: string | null;
  updated_at: string;
}

/** A "we miss you" campaign: its text in both languages; a draft until sent (once). */
export interface EngagementCampaignsTable {
  id: string;
  organization_id: string;
  subject_en: string;
  body_en: string;
  subject_da: string;
  body_da: string;
  /** The lapse setting when the campaign was written (recipients are chosen with it). */
  lapsed_after_days: number;
  created_by: string | null;
  created_at: string;
  sent_by: string | null;
  sent_at: string | null;
}

/** One person a campaign was sent to; anonymous (participant null) after they erased their data. */
export interface EngagementCampaignRecipientsTable {
  id: string;
  organization_id: string;
  campaign_id: string;
  participant_id: string | null;
  locale: string;
  segment: string;
  last_activity_at: string | null;
  sent_at: string;
}

/** A campaign as the module and its views see it. */
export interface Campaign {
  id: string;
  subjectEn: string;
  bodyEn: string;
  subjectDa: string;
  bodyDa: string;
  lapsedAfterDays: number;
  createdAt: string;
  sentAt: string | null;
}

/** Maps a stored campaign to the domain shape. */
export function toCampaign(row: EngagementCampaignsTable): Campaign {
  return {
    id: row.id,
    subjectEn: row.subject_en,
    bodyEn: row.body_en,
    subjectDa: row.subject_da,
    bodyDa: row.body_da,
    lapsedAfterDays: Number(row.lapsed_after_days),
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
