// The representativeness capability's table (registered in src/db/database.ts).

export interface TargetPopulationsTable {
  organization_id: string;
  initiative_id: string;
  attribute_id: string;
  /** JSON object: category id → share of the population (proportions adding up to 1). */
  shares: string;
  /** JSON object: category id → respondents wanted (optional quotas). */
  quotas: string;
  source: string;
  as_of: string | null;
  updated_at: string;
}

/** One attribute's population margins as the module uses them. */
export interface TargetPopulation {
  attributeId: string;
  shares: Record<string, number>;
  quotas: Record<string, number>;
  source: string;
  asOf: string | null;
  updatedAt: string;
}
