import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../platform/clock.js';
import type { SurveyKiosksTable } from './surveys.table.js';

// Survey distribution's queries: personal invitations and kiosks. Every query is scoped by organization.

/** A personal invitation to a survey (its token is never stored, only hashes). */
export interface SurveyInvitation {
  id: string;
  organizationId: string;
  surveyId: string;
  participantId: string | null;
  email: string | null;
  locale: string;
  responseId: string | null;
  sentAt: string;
  remindedAt: string | null;
  openedAt: string | null;
}

const invitationColumns = [
  'i.id',
  'i.organization_id',
  'i.survey_id',
  'i.participant_id',
  'i.email',
  'i.locale',
  'i.response_id',
  'i.sent_at',
  'i.reminded_at',
  'i.opened_at',
] as const;

function toInvitation(row: {
  id: string;
  organization_id: string;
  survey_id: string;
  participant_id: string | null;
  email: string | null;
  locale: string;
  response_id: string | null;
  sent_at: string;
  reminded_at: string | null;
  opened_at: string | null;
}): SurveyInvitation {
  return {
    id: row.id,
    organizationId: row.organization_id,
    surveyId: row.survey_id,
    participantId: row.participant_id,
    email: row.email,
    locale: row.locale,
    responseId: row.response_id,
    sentAt: row.sent_at,
    remindedAt: row.reminded_at,
    openedAt: row.opened_at,
  };
}

/** Stores an invitation with the hash of its link's token. */
export async function insertInvitation(
  db: Db,
  invitation: {
    organizationId: string;
    surveyId: string;
    participantId: string | null;
    email: string | null;
    locale: string;
    tokenHash: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('survey_invitations')
    .values({
      id,
      organization_id: invitation.organizationId,
      survey_id: invitation.surveyId,
      participant_id: invitation.participantId,
      email: invitation.email,
      locale: invitation.locale,
      token_hash: invitation.tokenHash,
      reminder_token_hash: null,
      response_id: null,
      sent_at: nowIso(),
      reminded_at: null,
      opened_at: null,
    })
    .execute();
  return id;
}

/** Who a survey's invitations already went to: participant ids and (lower-case) addresses. */
export async function invitedSoFar(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<{ participantIds: Set<string>; emails: Set<string> }> {
  const rows = await db
    .selectFrom('survey_invitations')
    .select(['participant_id', 'email'])
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .execute();
  return {
    participantIds: new Set(rows.flatMap((r) => (r.participant_id ? [r.participant_id] : []))),
    emails: new Set(rows.flatMap((r) => (r.email ? [r.email.toLowerCase()] : []))),
  };
}

/** The invitation a link's token (first mail or reminder) belongs to. */
export async function findInvitationByTokenHash(
  db: Db,
  organizationId: string,
  tokenHash: string,
): Promise<SurveyInvitation | undefined> {
  const row = await db
    .selectFrom('survey_invitations as i')
    .select(invitationColumns)
    .where('i.organization_id', '=', organizationId)
    .where((eb) => eb.or([eb('i.token_hash', '=', tokenHash), eb('i.reminder_token_hash', '=', tokenHash)]))
    .executeTakeFirst();
  return row ? toInvitation(row) : undefined;
}

/** Notes the first time an invitation's link was opened. */
export async function markInvitationOpened(db: Db, organizationId: string, id: string): Promise<void> {
  await db
    .updateTable('survey_invitations')
    .set({ opened_at: nowIso() })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('opened_at', 'is', null)
    .execute();
}

/** Ties an invitation to the participant who took it up and the response it started. */
export async function linkInvitation(
  db: Db,
  organizationId: string,
  id: string,
  participantId: string,
  responseId: string | null,
): Promise<void> {
  await db
    .updateTable('survey_invitations')
    .set({ participant_id: participantId, ...(responseId ? { response_id: responseId } : {}) })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .execute();
}

/**
 * Invitations of a survey that may get their one reminder: not reminded yet, and neither the
 * invitation's response nor any other response of the invited participant is completed.
 */
export async function invitationsToRemind(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<SurveyInvitation[]> {
  const rows = await db
    .selectFrom('survey_invitations as i')
    .leftJoin('survey_responses as r', 'r.id', 'i.response_id')
    .select(invitationColumns)
    .where('i.organization_id', '=', organizationId)
    .where('i.survey_id', '=', surveyId)
    .where('i.reminded_at', 'is', null)
    .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', '<>', 'completed')]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('survey_responses as done')
            .select('done.id')
            .whereRef('done.survey_id', '=', 'i.survey_id')
            .whereRef('done.participant_id', '=', 'i.participant_id')
            .where('done.status', '=', 'completed'),
        ),
      ),
    )
    .orderBy('i.sent_at')
    .orderBy('i.id')
    .execute();
  return rows.map(toInvitation);
}

/** Records an invitation's reminder; false when it was already reminded (a reminder goes once). */
export async function markInvitationReminded(
  db: Db,
  organizationId: string,
  id: string,
  reminderTokenHash: string,
): Promise<boolean> {
  const result = await db
    .updateTable('survey_invitations')
    .set({ reminded_at: nowIso(), reminder_token_hash: reminderTokenHash })
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Counts behind the invitation funnel of a survey. */
export async function invitationCounts(
  db: Db,
  organizationId: string,
  surveyId: string,
): Promise<{ invited: number; opened: number; reminded: number; started: number; completed: number }> {
  const row = await db
    .selectFrom('survey_invitations as i')
    .leftJoin('survey_responses as r', 'r.id', 'i.response_id')
    .select((eb) => [
      eb.fn.countAll().as('invited'),
      eb.fn.count('i.opened_at').as('opened'),
      eb.fn.count('i.reminded_at').as('reminded'),
      eb.fn
        .sum<number | string | null>(
          eb
            .case()
            .when('r.status', '=', 'completed')
            .then(1)
            .when('r.answers', '<>', '{}')
            .then(1)
            .else(0)
            .end(),
        )
        .as('started'),
      eb.fn
        .sum<number | string | null>(eb.case().when('r.status', '=', 'completed').then(1).else(0).end())
        .as('completed'),
    ])
    .where('i.organization_id', '=', organizationId)
    .where('i.survey_id', '=', surveyId)
    .executeTakeFirstOrThrow();
  return {
    invited: Number(row.invited),
    opened: Number(row.opened),
    reminded: Number(row.reminded),
    started: Number(row.started ?? 0),
    completed: Number(row.completed ?? 0),
  };
}

/** A kiosk: a shared device collecting responses to one survey, and the respondent at it now. */
export interface SurveyKiosk {
  id: string;
  organizationId: string;
  surveyId: string;
  startedBy: string | null;
  respondentTokenHash: string | null;
  respondentConsentTextId: string | null;
  respondentStartedAt: string | null;
  createdAt: string;
  expiresAt: string;
  endedAt: string | null;
}

function toKiosk(row: SurveyKiosksTable): SurveyKiosk {
  return {
    id: row.id,
    organizationId: row.organization_id,
    surveyId: row.survey_id,
    startedBy: row.started_by,
    respondentTokenHash: row.respondent_token_hash,
    respondentConsentTextId: row.respondent_consent_text_id,
    respondentStartedAt: row.respondent_started_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    endedAt: row.ended_at,
  };
}

/** Stores a kiosk with the hash of the device's token. */
export async function insertKiosk(
  db: Db,
  kiosk: {
    organizationId: string;
    surveyId: string;
    startedBy: string;
    tokenHash: string;
    expiresAt: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('survey_kiosks')
    .values({
      id,
      organization_id: kiosk.organizationId,
      survey_id: kiosk.surveyId,
      started_by: kiosk.startedBy,
      token_hash: kiosk.tokenHash,
      respondent_token_hash: null,
      respondent_consent_text_id: null,
      respondent_started_at: null,
      created_at: nowIso(),
      expires_at: kiosk.expiresAt,
      ended_at: null,
    })
    .execute();
  return id;
}

/** The kiosk a device's token opens (the token hash is the key; the row names its organization). */
export async function findKioskByToken(
  db: Db,
  kioskId: string,
  tokenHash: string,
): Promise<SurveyKiosk | undefined> {
  const row = await db
    .selectFrom('survey_kiosks')
    .selectAll()
    .where('id', '=', kioskId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toKiosk(row) : undefined;
}

/** Hands the kiosk to a new respondent (or to nobody), replacing whoever was at it. */
export async function setKioskRespondent(
  db: Db,
  organizationId: string,
  kioskId: string,
  respondent: { tokenHash: string; consentTextId: string } | null,
): Promise<void> {
  await db
    .updateTable('survey_kiosks')
    .set({
      respondent_token_hash: respondent?.tokenHash ?? null,
      respondent_consent_text_id: respondent?.consentTextId ?? null,
      respondent_started_at: respondent ? nowIso() : null,
    })
    .where('organization_id', '=', organizationId)
    .where('id', '=', kioskId)
    .execute();
}

/** Uses up the respondent's one-time token; false when it is not the current one (replayed or stale). */
export async function consumeKioskRespondent(
  db: Db,
  organizationId: string,
  kioskId: string,
  tokenHash: string,
): Promise<boolean> {
  const result = await db
    .updateTable('survey_kiosks')
    .set({ respondent_token_hash: null, respondent_consent_text_id: null, respondent_started_at: null })
    .where('organization_id', '=', organizationId)
    .where('id', '=', kioskId)
    .where('respondent_token_hash', '=', tokenHash)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends a kiosk: its device's token stops working. */
export async function endKiosk(db: Db, organizationId: string, kioskId: string): Promise<boolean> {
  const result = await db
    .updateTable('survey_kiosks')
    .set({ ended_at: nowIso(), respondent_token_hash: null })
    .where('organization_id', '=', organizationId)
    .where('id', '=', kioskId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A survey's kiosks that still run (not ended, not expired), newest first. */
export async function activeKiosks(db: Db, organizationId: string, surveyId: string): Promise<SurveyKiosk[]> {
  const rows = await db
    .selectFrom('survey_kiosks')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('survey_id', '=', surveyId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toKiosk);
}
