/** Where a participant joins an initiative (and accepts a newer consent version). */
export function joinPagePath(orgSlug: string, initiativeSlug: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/i/${encodeURIComponent(initiativeSlug)}/join`;
}

/** A participant's "My data" page in one organization. */
export function myDataPath(orgSlug: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/me`;
}
