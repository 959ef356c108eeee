import type { Db } from '../../db/database.js';
import { nowIso } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import { findCurrentParticipant } from '../participants/find-current-participant.js';
import { findUnsubscribedAt, saveSubscription } from './follow-up.repository.js';
import { participantOfToken } from './unsubscribe-token.js';

/** What an unsubscribe link leads to. */
export interface UnsubscribeLink {
  /** The participant behind it, or null when they erased their data (nothing is sent to them anyway). */
  participantId: string | null;
  unsubscribed: boolean;
  /** The language the participant chose (their mail was written in it), or null when erased. */
  locale: Locale | null;
}

/**
 * Checks an unsubscribe link of a follow-up mail (no sign-in: the token is the proof). A malformed,
 * tampered or foreign token is `unsubscribe_link_invalid`.
 */
export async function checkUnsubscribeLink(
  db: Db,
  secret: string,
  organizationId: string,
  token: string,
): Promise<UnsubscribeLink> {
  const id = participantOfToken(secret, organizationId, token);
  if (!id) throw new AppError('unsubscribe_link_invalid');
  const participant = await findCurrentParticipant(db, organizationId, id);
  if (!participant) return { participantId: null, unsubscribed: true, locale: null };
  return {
    participantId: participant.id,
    unsubscribed: (await findUnsubscribedAt(db, organizationId, participant.id)) !== null,
    locale: participant.locale,
  };
}

/** Unsubscribes the participant behind an unsubscribe link from follow-up mail; doing it twice changes nothing. */
export async function unsubscribeWithLink(
  db: Db,
  secret: string,
  organizationId: string,
  token: string,
): Promise<void> {
  const link = await checkUnsubscribeLink(db, secret, organizationId, token);
  if (link.participantId === null || link.unsubscribed) return;
  await saveSubscription(db, organizationId, link.participantId, nowIso(), nowIso());
}
