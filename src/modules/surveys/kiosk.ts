import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { addHours } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { hashToken, newSecretToken } from '../../platform/secret-token.js';
import type { ConsentText, Initiative } from '../initiatives/initiatives.table.js';
import { getJoinableInitiative } from '../initiatives/public-initiatives.js';
import { settleCompletedResponse } from './complete-response.js';
import { requireLiveSurvey } from './published-survey.js';
import { applyAnswers } from './survey-answers.js';
import { allQuestions } from './survey-definition.js';
import { surveyRules } from './surveys.policy.js';
import {
  findSurvey,
  findVersion,
  insertResponse,
  type Survey,
  type SurveyVersion,
} from './surveys.repository.js';
import {
  activeKiosks,
  consumeKioskRespondent,
  endKiosk,
  findKioskByToken,
  insertKiosk,
  setKioskRespondent,
  type SurveyKiosk,
} from './survey-distribution.repository.js';

// Kiosk mode: staff start a kiosk on a shared device (a ward, a library desk). The device holds
// the kiosk's token in a cookie; each respondent accepts the initiative's consent text and gets a
// one-time token for their form only. Submitting uses it up; showing the start page again (after
// submitting, or after a spell without activity) withdraws it, so a replayed, tampered or
// back-button form is refused and nothing of one respondent reaches the next. No participant is
// created: kiosk responses are anonymous, with the consent version recorded on each response.

/** How long a kiosk runs before staff must start it again. */
export const KIOSK_HOURS = 12;
/** How long one respondent's form stays valid. */
export const KIOSK_RESPONDENT_MINUTES = 60;

/** A kiosk ready for a respondent: its survey, the version answered and the consent text shown. */
export interface OpenKiosk {
  kiosk: SurveyKiosk;
  survey: Survey;
  version: SurveyVersion;
  initiative: Initiative;
  consent: ConsentText;
}

/**
 * Starts a kiosk for a published survey of an open initiative. Returns the device's token (for the
 * kiosk cookie; only its hash is stored) and the kiosk's id.
 */
export async function startKiosk(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
): Promise<{ kioskId: string; token: string; orgSlug: string; initiativeSlug: string; expiresAt: string }> {
  const live = await requireLiveSurvey(db, actor, surveyId, surveyRules.collect);
  if (live.initiative.status !== 'open' || !live.initiative.consent)
    throw new AppError('initiative_not_open');
  const token = newSecretToken();
  const expiresAt = addHours(new Date(), KIOSK_HOURS);
  const kioskId = await insertKiosk(db, {
    organizationId: live.org.id,
    surveyId: live.survey.id,
    startedBy: live.actor.staffId,
    tokenHash: hashToken(token),
    expiresAt,
  });
  await recordAudit(db, {
    organizationId: live.org.id,
    staffId: live.actor.staffId,
    action: 'survey.kiosk_start',
    subjectType: 'survey',
    subjectId: live.survey.id,
    details: { kioskId },
  });
  return { kioskId, token, orgSlug: live.org.slug, initiativeSlug: live.initiative.slug, expiresAt };
}

/** The kiosks of a survey still running (for the distribution page). */
export async function listKiosks(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
): Promise<SurveyKiosk[]> {
  const live = await requireLiveSurvey(db, actor, surveyId, surveyRules.view);
  return activeKiosks(db, live.org.id, live.survey.id);
}

/** Ends a kiosk of the survey: its device shows "ask staff" from then on. */
export async function endSurveyKiosk(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
  kioskId: string,
): Promise<void> {
  const live = await requireLiveSurvey(db, actor, surveyId, surveyRules.collect);
  const kiosks = await activeKiosks(db, live.org.id, live.survey.id);
  if (!kiosks.some((k) => k.id === kioskId) || !(await endKiosk(db, live.org.id, kioskId))) throw notFound();
  await recordAudit(db, {
    organizationId: live.org.id,
    staffId: live.actor.staffId,
    action: 'survey.kiosk_end',
    subjectType: 'survey',
    subjectId: live.survey.id,
    details: { kioskId },
  });
}

/**
 * The kiosk a device's token opens, for a survey of an initiative of the organization; anything
 * else (no token, a wrong or ended kiosk, a survey no longer published) is `kiosk_session_invalid`,
 * except a closed survey (`survey_closed`).
 */
export async function openKiosk(
  db: Db,
  organizationId: string,
  initiativeSlug: string,
  surveyId: string,
  kioskId: string,
  deviceToken: string | undefined,
): Promise<OpenKiosk> {
  const invalidSession = () => new AppError('kiosk_session_invalid');
  if (!deviceToken) throw invalidSession();
  const kiosk = await findKioskByToken(db, kioskId, hashToken(deviceToken));
  if (
    !kiosk ||
    kiosk.organizationId !== organizationId ||
    kiosk.surveyId !== surveyId ||
    kiosk.endedAt !== null ||
    kiosk.expiresAt <= new Date().toISOString()
  )
    throw invalidSession();
  const initiative = await getJoinableInitiative(db, organizationId, initiativeSlug);
  const survey = await findSurvey(db, organizationId, surveyId);
  if (!survey || survey.initiativeId !== initiative.id) throw invalidSession();
  if (survey.status === 'closed') throw new AppError('survey_closed');
  if (survey.status !== 'published' || !survey.currentVersionId) throw invalidSession();
  const version = await findVersion(db, organizationId, survey.currentVersionId);
  if (!version) throw invalidSession();
  return { kiosk, survey, version, initiative, consent: initiative.consent };
}

/** Shows the start page: whoever was at the kiosk is gone, and their form token with them. */
export async function resetKiosk(db: Db, open: OpenKiosk): Promise<void> {
  await setKioskRespondent(db, open.kiosk.organizationId, open.kiosk.id, null);
}

/**
 * A new respondent accepts the consent text (the form's `consent` must be "true" and its
 * `consentTextId` the current version). Returns their one-time form token.
 */
export async function beginKioskRespondent(
  db: Db,
  open: OpenKiosk,
  raw: Record<string, unknown>,
): Promise<{ respondentToken: string }> {
  if (raw.consent !== 'true' && raw.consent !== true)
    throw invalid([{ field: 'consent', code: 'mustConsent' }]);
  if (raw.consentTextId !== open.consent.id) throw invalid([{ field: 'consent', code: 'consentChanged' }]);
  const respondentToken = newSecretToken();
  await setKioskRespondent(db, open.kiosk.organizationId, open.kiosk.id, {
    tokenHash: hashToken(respondentToken),
    consentTextId: open.consent.id,
  });
  return { respondentToken };
}

/** Whether a respondent token is the one currently handed out at this kiosk, and fresh. */
export function isCurrentRespondent(open: OpenKiosk, respondentToken: unknown): boolean {
  const k = open.kiosk;
  if (typeof respondentToken !== 'string' || respondentToken.length > 200 || !k.respondentTokenHash)
    return false;
  if (!k.respondentStartedAt) return false;
  const age = Date.now() - new Date(k.respondentStartedAt).getTime();
  return hashToken(respondentToken) === k.respondentTokenHash && age <= KIOSK_RESPONDENT_MINUTES * 60_000;
}

/**
 * Stores a kiosk respondent's answers as one completed, anonymous response (channel `kiosk`, mode
 * `in_person`, the consent version they accepted), checked like a participant's with every shown
 * required question answered. A token that is not the current one is `kiosk_session_invalid`;
 * invalid answers are field errors and leave the token usable, so the same respondent can correct them.
 */
export async function submitKioskResponse(
  db: Db,
  open: OpenKiosk,
  respondentToken: unknown,
  raw: Record<string, unknown>,
): Promise<{ responseId: string }> {
  if (!isCurrentRespondent(open, respondentToken)) throw new AppError('kiosk_session_invalid');
  const { kiosk, survey, version } = open;
  const definition = version.definition;
  const { answers, errors } = applyAnswers(definition, {}, allQuestions(definition), raw, true);
  if (errors.length > 0) throw invalid(errors);
  const consentTextId = kiosk.respondentConsentTextId;
  if (
    !consentTextId ||
    !(await consumeKioskRespondent(db, kiosk.organizationId, kiosk.id, hashToken(respondentToken as string)))
  )
    throw new AppError('kiosk_session_invalid');
  const segments = await settleCompletedResponse(
    db,
    kiosk.organizationId,
    survey.id,
    definition,
    null,
    answers,
  );
  const responseId = await insertResponse(
    db,
    {
      organizationId: kiosk.organizationId,
      surveyId: survey.id,
      versionId: version.id,
      participantId: null,
      consentTextId,
      channel: 'kiosk',
      mode: 'in_person',
      enteredBy: null,
    },
    answers,
    'completed',
    segments,
  );
  return { responseId };
}
