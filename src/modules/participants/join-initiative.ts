import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { invalid } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import { parseInput } from '../../platform/validation.js';
import { getJoinableInitiative } from '../initiatives/public-initiatives.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { findCurrentParticipant } from './find-current-participant.js';
import { checkFollowUp, ContactFields } from './participant-input.js';
import {
  insertMembership,
  insertParticipant,
  findMembership,
  renewMembershipConsent,
} from './participants.repository.js';
import type { Participant } from './participants.table.js';
import { newPseudonym } from './pseudonym.js';

/** What someone sends to join: explicit consent, and for newcomers optional contact details. */
export const JoinInitiativeInput = Type.Object({
  consent: Type.Boolean({ default: false }),
  /** The consent version the person read; a newer one in the meantime must be read first. */
  consentTextId: Type.Optional(Type.String({ maxLength: 64 })),
  ...ContactFields,
});

/** What happened: a new membership, nothing new, or a newer consent version accepted. */
export type JoinOutcome = 'joined' | 'already_joined' | 'consent_renewed';

/**
 * Lets anyone take part in an open initiative without an account. A newcomer becomes a
 * pseudonymous participant; joining again is harmless; a member holding an older consent
 * version accepts the current one. Closed or draft initiatives refuse, writing nothing.
 */
export async function joinInitiative(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  participantId: string | undefined,
  raw: unknown,
  fallbackLocale: Locale,
): Promise<{ outcome: JoinOutcome; participant: Participant; initiative: Initiative }> {
  const initiative = await getJoinableInitiative(db, organizationId, initiativeSlug);
  const existing = await findCurrentParticipant(db, organizationId, participantId);
  const membership = existing
    ? await findMembership(db, organizationId, initiative.id, existing.id)
    : undefined;
  if (existing && membership?.consentTextId === initiative.consent.id) {
    return { outcome: 'already_joined', participant: existing, initiative };
  }
  const input = parseInput(JoinInitiativeInput, raw);
  if (!input.consent) throw invalid([{ field: 'consent', code: 'mustConsent' }]);
  if (input.consentTextId !== undefined && input.consentTextId !== initiative.consent.id) {
    throw invalid([{ field: 'consent', code: 'consentChanged' }]);
  }
  if (existing && membership) {
    await renewMembershipConsent(db, organizationId, initiative.id, existing.id, initiative.consent.id);
    return { outcome: 'consent_renewed', participant: existing, initiative };
  }
  let participant = existing;
  if (!participant) {
    checkFollowUp(input);
    participant = await insertParticipant(db, {
      organizationId,
      pseudonym: await newPseudonym(db, organizationId),
      email: input.email ?? null,
      followUp: input.followUp,
      quoteConsent: input.quoteConsent,
      locale: input.locale ?? fallbackLocale,
      accessibilityNeeds: input.accessibilityNeeds,
    });
  }
  await insertMembership(db, {
    organizationId,
    initiativeId: initiative.id,
    participantId: participant.id,
    consentTextId: initiative.consent.id,
    channel: 'web',
  });
  return { outcome: 'joined', participant, initiative };
}
