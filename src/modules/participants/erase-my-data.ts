import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid, notFound } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { findCurrentParticipant } from './find-current-participant.js';
import { anonymizeParticipant } from './participants.repository.js';
import { unlinkMyInterviews } from '../interviews/participant-interviews.js';
import { anonymizeMySurveyResponses } from '../surveys/participant-responses.js';
import { unlinkMyConversationContributions } from '../conversations/participant-contributions.js';
import { unlinkMyIdeaContributions } from '../ideas/participant-ideas.js';
import { unlinkMyPrototypeFeedback } from '../prototypes/participant-prototypes.js';
import { unlinkMyDecisionLinks } from '../decisions/participant-links.js';
import { forgetMyFollowUpMail } from '../follow-up/participant-follow-up.js';
import { anonymizeMyCampaignMails } from '../engagement/participant-campaigns.js';
import { eraseMyPulses } from '../pulse/participant-pulses.js';

/** The words that confirm erasure, one per language (the page shows the one of its language). */
export const ERASE_WORDS = ['ERASE', 'SLET'] as const;

/** Erasure needs the confirmation word typed: a slip of the finger must not delete anything. */
export const EraseMyDataInput = Type.Object({ confirm: Type.String({ maxLength: 40, default: '' }) });

/**
 * Erases the participant's personal data: email, accessibility needs and demographics go, the
 * pseudonym becomes "Erased participant". The row and memberships stay, so what they contributed
 * remains only in anonymized form.
 */
export async function eraseMyData(
  db: Db,
  organizationId: string,
  participantId: string | undefined,
  raw: unknown,
): Promise<void> {
  const participant = await findCurrentParticipant(db, organizationId, participantId);
  if (!participant) throw notFound();
  const input = parseInput(EraseMyDataInput, raw);
  if (!(ERASE_WORDS as readonly string[]).includes(input.confirm.toUpperCase())) {
    throw invalid([{ field: 'confirm', code: 'confirmErase' }]);
  }
  await anonymizeParticipant(db, organizationId, participant.id);
  await unlinkMyInterviews(db, organizationId, participant.id);
  await anonymizeMySurveyResponses(db, organizationId, participant.id);
  await unlinkMyConversationContributions(db, organizationId, participant.id);
  await unlinkMyIdeaContributions(db, organizationId, participant.id);
  await unlinkMyPrototypeFeedback(db, organizationId, participant.id);
  await unlinkMyDecisionLinks(db, organizationId, participant.id);
  await forgetMyFollowUpMail(db, organizationId, participant.id);
  await anonymizeMyCampaignMails(db, organizationId, participant.id);
  await eraseMyPulses(db, organizationId, participant.id);
  // The audit log keeps that an erasure happened (accountability), never what was erased.
  await recordAudit(db, {
    organizationId,
    staffId: null,
    action: 'participant.erased',
    subjectType: 'participant',
    subjectId: participant.id,
  });
}
