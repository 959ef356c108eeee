// The influence capability's table (registered in src/db/database.ts).

/** An organization's thresholds of the token-risk flag; no row means the defaults. */
export interface InfluenceSettingsTable {
  organization_id: string;
  closed_days: number;
  response_share_percent: number;
  updated_by: string | null;
  updated_at: string;
}
