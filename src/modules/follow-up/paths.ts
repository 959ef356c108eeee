/** A participant's "My participation" page: what they contributed and what became of it. */
export function myParticipationPath(orgSlug: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/me/participation`;
}

/** The unsubscribe page a follow-up mail links to (works without signing in). */
export function unsubscribePath(orgSlug: string, token: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/unsubscribe/${encodeURIComponent(token)}`;
}

/** The one-click unsubscribe endpoint of the List-Unsubscribe header (RFC 8058: a POST without cookies). */
export function oneClickUnsubscribePath(orgSlug: string, token: string): string {
  return `/api/v1/follow-up/${encodeURIComponent(orgSlug)}/unsubscribe/${encodeURIComponent(token)}`;
}
