import type { Db } from '../../db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Locale } from '../../platform/i18n.js';
import { hashToken } from '../../platform/secret-token.js';
import type { ConsentText, Initiative } from '../initiatives/initiatives.table.js';
import { joinInitiative } from '../participants/join-initiative.js';
import { requireCurrentConsent } from '../participants/require-current-consent.js';
import {
  findResponse,
  findSurvey,
  insertResponse,
  responsesOfParticipant,
  type Survey,
} from './surveys.repository.js';
import {
  findInvitationByTokenHash,
  linkInvitation,
  markInvitationOpened,
  type SurveyInvitation,
} from './survey-distribution.repository.js';

// Personal invitation links. A participant's link makes this device theirs (the route sets their
// participant cookie). Someone invited by address only is not a participant yet: they read the
// initiative's consent text on the invitation page and accept it there, which makes them a
// pseudonymous participant (their address is not copied to the profile; they can add it under
// "My data"). Either way the response starts with channel `invitation` and is tied to the
// invitation, so the funnel can count it. Opening is recorded on GET; joining and starting happen
// on POST (a mail scanner following the link changes nothing but "opened").

/** What the invitation page shows. */
export type InvitationVisit =
  | {
      kind: 'ready';
      survey: Survey;
      initiative: Initiative;
      consent: ConsentText;
      /** The person must accept the (current) consent text before starting. */
      needsConsent: boolean;
      /** Already started through this invitation on this device: go straight on. */
      resumable: boolean;
    }
  | { kind: 'done'; survey: Survey; initiative: Initiative };

async function load(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  surveyId: string,
  token: string,
  cookieParticipantId: string | undefined,
) {
  const invitation = await findInvitationByTokenHash(db, organizationId, hashToken(token));
  if (!invitation || invitation.surveyId !== surveyId || (!invitation.participantId && !invitation.email))
    throw new AppError('invitation_invalid');
  const who = invitation.participantId ?? cookieParticipantId;
  const check = await requireCurrentConsent(db, organizationId, initiativeSlug, who);
  const survey = await findSurvey(db, organizationId, surveyId);
  if (!survey || survey.initiativeId !== check.initiative.id || !survey.currentVersionId) throw notFound();
  if (survey.status === 'closed') throw new AppError('survey_closed');
  if (survey.status !== 'published') throw notFound();
  return { invitation, check, survey, who };
}

async function completedOnce(db: Db, invitation: SurveyInvitation, survey: Survey, participantId: string) {
  if (survey.allowMultiple) return false;
  const mine = await responsesOfParticipant(db, invitation.organizationId, survey.id, participantId);
  return mine.some((r) => r.status === 'completed');
}

/** Opens an invitation link: records the first opening and says what the page should offer. */
export async function openSurveyInvitation(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  surveyId: string,
  token: string,
  cookieParticipantId: string | undefined,
): Promise<InvitationVisit> {
  const { invitation, check, survey } = await load(
    db,
    organizationId,
    initiativeSlug,
    surveyId,
    token,
    cookieParticipantId,
  );
  await markInvitationOpened(db, organizationId, invitation.id);
  const base = { survey, initiative: check.initiative };
  if (check.ok && (await completedOnce(db, invitation, survey, check.participant.id)))
    return { kind: 'done', ...base };
  const linked = invitation.responseId
    ? await findResponse(db, organizationId, invitation.responseId)
    : undefined;
  return {
    kind: 'ready',
    ...base,
    consent: check.initiative.consent,
    needsConsent: !check.ok,
    resumable: check.ok && cookieParticipantId === check.participant.id && linked?.status === 'in_progress',
  };
}

/**
 * Takes up an invitation: accepts the consent text when needed (the form's `consent` and
 * `consentTextId`), ties the invitation to the participant, and starts (or resumes) their response
 * with channel `invitation`. Returns the participant, for the cookie.
 */
export async function acceptSurveyInvitation(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  surveyId: string,
  token: string,
  cookieParticipantId: string | undefined,
  raw: Record<string, unknown>,
  fallbackLocale: Locale,
): Promise<{ participantId: string }> {
  const { invitation, check, survey, who } = await load(
    db,
    organizationId,
    initiativeSlug,
    surveyId,
    token,
    cookieParticipantId,
  );
  let participantId: string;
  if (check.ok) participantId = check.participant.id;
  else {
    const joined = await joinInitiative(
      db,
      organizationId,
      initiativeSlug,
      who,
      { consent: raw.consent, consentTextId: raw.consentTextId, locale: invitation.locale },
      fallbackLocale,
    );
    participantId = joined.participant.id;
  }
  await markInvitationOpened(db, organizationId, invitation.id);
  const mine = await responsesOfParticipant(db, organizationId, survey.id, participantId);
  const inProgress = mine.find((r) => r.status === 'in_progress');
  const completed = mine.find((r) => r.status === 'completed');
  let responseId: string | null = inProgress?.id ?? null;
  if (!responseId && completed && !survey.allowMultiple) responseId = invitation.responseId ?? completed.id;
  if (!responseId) {
    responseId = await insertResponse(
      db,
      {
        organizationId,
        surveyId: survey.id,
        versionId: survey.currentVersionId!,
        participantId,
        consentTextId: check.initiative.consent.id,
        channel: 'invitation',
        mode: 'online',
        enteredBy: null,
      },
      {},
      'in_progress',
    );
  }
  await linkInvitation(db, organizationId, invitation.id, participantId, responseId);
  return { participantId };
}
