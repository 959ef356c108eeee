// Telling contributors what became of their input: the one thing stored here is whether a
// participant unsubscribed from follow-up mail (what was told lives on the decision links).

/** A participant's choice about follow-up mail in one organization. */
export interface FollowUpSubscriptionsTable {
  organization_id: string;
  participant_id: string;
  /** When they unsubscribed; null after re-subscribing. */
  unsubscribed_at: string | null;
  updated_at: string;
}
