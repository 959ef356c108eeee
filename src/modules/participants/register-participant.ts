import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, invalid } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { DemographicAnswersInput, resolveDemographicAnswers } from './demographic-answers.js';
import { demographicAnswersOf, replaceDemographicAnswers } from './demographics.repository.js';
import { checkFollowUp, ContactFields } from './participant-input.js';
import { toMembershipView, toParticipantView, type InitiativeParticipantView } from './participant-view.js';
import { participantRules } from './participants.policy.js';
import { findMembership, insertMembership, insertParticipant } from './participants.repository.js';
import { newPseudonym } from './pseudonym.js';

/** Registering someone on their behalf: they must have agreed to the current consent text. */
export const RegisterParticipantInput = Type.Object(
  {
    consent: Type.Boolean({
      default: false,
      description: 'the person was given the current consent text and agreed to it',
    }),
    consentTextId: Type.Optional(
      Type.String({ maxLength: 64, description: 'the consent version shown; refused if no longer current' }),
    ),
    ...ContactFields,
    demographics: Type.Optional(DemographicAnswersInput),
  },
  { additionalProperties: false },
);

/**
 * Front-line staff register a participant who is with them (at a desk, on the phone): a new
 * pseudonymous participant joins the open initiative with consent recorded and channel `staff`.
 */
export async function registerParticipant(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<InitiativeParticipantView> {
  authorize(actor, participantRules.register);
  const initiative = await getInitiative(db, actor, initiativeId);
  const consent = initiative.consent;
  if (initiative.status !== 'open' || !consent) throw new AppError('initiative_not_open');
  const input = parseInput(RegisterParticipantInput, raw);
  if (!input.consent) throw invalid([{ field: 'consent', code: 'mustConsent' }]);
  if (input.consentTextId !== undefined && input.consentTextId !== consent.id) {
    throw invalid([{ field: 'consent', code: 'consentChanged' }]);
  }
  checkFollowUp(input);
  const answers = await resolveDemographicAnswers(
    db,
    actor.organizationId,
    input.demographics ?? {},
    'demographics',
  );
  const participant = await insertParticipant(db, {
    organizationId: actor.organizationId,
    pseudonym: await newPseudonym(db, actor.organizationId),
    email: input.email ?? null,
    followUp: input.followUp,
    quoteConsent: input.quoteConsent,
    locale: input.locale ?? 'en',
    accessibilityNeeds: input.accessibilityNeeds,
  });
  await insertMembership(db, {
    organizationId: actor.organizationId,
    initiativeId: initiative.id,
    participantId: participant.id,
    consentTextId: consent.id,
    channel: 'staff',
  });
  await replaceDemographicAnswers(db, actor.organizationId, participant.id, answers);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'participant.registered',
    subjectType: 'participant',
    subjectId: participant.id,
    details: { initiativeId: initiative.id, consentVersion: consent.version },
  });
  const [stored, membership] = await Promise.all([
    demographicAnswersOf(db, actor.organizationId, [participant.id]),
    findMembership(db, actor.organizationId, initiative.id, participant.id),
  ]);
  return {
    ...toParticipantView(
      participant,
      stored.get(participant.id) ?? [],
      can(actor, participantRules.viewContact),
    ),
    membership: toMembershipView(membership!),
  };
}
