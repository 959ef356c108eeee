import { createHmac, timingSafeEqual } from 'node:crypto';

// An unsubscribe link must work without signing in, so it carries its own proof: the participant's
// id and an HMAC of it (with the organization) under the platform's secret. Nothing is stored, it
// cannot be guessed or moved to another participant or organization, and it keeps working for old mails.

function signature(secret: string, organizationId: string, participantId: string): string {
  return createHmac('sha256', secret)
    .update(`follow-up-unsubscribe\n${organizationId}\n${participantId}`)
    .digest('base64url');
}

/** The unsubscribe token of a participant in an organization. */
export function unsubscribeToken(secret: string, organizationId: string, participantId: string): string {
  return `${participantId}.${signature(secret, organizationId, participantId)}`;
}

/** The participant id a token proves, or undefined for a malformed, tampered or foreign token. */
export function participantOfToken(
  secret: string,
  organizationId: string,
  token: string,
): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 200) return undefined;
  const participantId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(signature(secret, organizationId, participantId));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return participantId;
}
