import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid, type FieldError } from '../../platform/errors.js';
import { isLocale, type Locale, type Translate } from '../../platform/i18n.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { hashToken, newSecretToken } from '../../platform/secret-token.js';
import { hasForbiddenCharacters } from '../../platform/validation.js';
import { listInitiativeParticipants } from '../participants/list-initiative-participants.js';
import { invitationPath, requireLiveSurvey, type LiveSurvey } from './published-survey.js';
import { surveyRules } from './surveys.policy.js';
import { insertInvitation, invitedSoFar } from './survey-distribution.repository.js';
import { surveyTitle } from './views/respond-pages.js';

/** Most typed addresses one invitation round takes. */
export const MAX_TYPED_EMAILS = 500;

const Email = Type.String({ format: 'email', maxLength: 254 });

/** Where mail links point and how to write in each language. */
export interface SurveyMailOptions {
  publicUrl: string;
  translatorFor: (locale: Locale) => Translate;
}

/** A participant of the initiative who may be written to: an address and consent to follow-up. */
export interface ContactableParticipant {
  id: string;
  pseudonym: string;
  email: string;
  locale: Locale;
}

/**
 * The initiative's participants who gave an address and agreed to be contacted, through the
 * participants module (contact details need its `viewContact` rule, which `manage` implies).
 */
export async function contactableParticipants(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<ContactableParticipant[]> {
  const { participants } = await listInitiativeParticipants(db, actor, initiativeId);
  return participants.flatMap((p) =>
    !p.erased && p.contact?.email && p.contact.followUp
      ? [
          {
            id: p.id,
            pseudonym: p.pseudonym,
            email: p.contact.email,
            locale: isLocale(p.language) ? p.language : 'en',
          },
        ]
      : [],
  );
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

/** Writes one invitation or reminder mail into the outbox, in the invitee's language. */
export async function enqueueSurveyMail(
  db: Db,
  live: LiveSurvey,
  kind: 'invitation' | 'reminder',
  to: string,
  locale: Locale,
  token: string,
  mail: SurveyMailOptions,
): Promise<void> {
  const t = mail.translatorFor(locale);
  const values = {
    title: surveyTitle(live.survey, locale),
    organization: live.org.name,
    initiative: live.initiative.title,
    link: `${mail.publicUrl}${invitationPath(live.org.slug, live.initiative.slug, live.survey.id, token)}`,
  };
  await enqueueMail(db, {
    organizationId: live.org.id,
    to,
    subject: t(`surveys:distribution.mail.${kind}Subject`, values),
    text: t(`surveys:distribution.mail.${kind}Body`, values),
  });
}

/**
 * Invites people to answer a published survey: chosen participants of the initiative who agreed
 * to be contacted (or all of them), and typed addresses (written to in the chosen language). Each
 * gets their own link; only its hash is stored, and the mail goes into the outbox in the same
 * transaction. Nobody is invited twice to the same survey (a typed address that belongs to a
 * contactable participant invites that participant). Returns how many were invited and skipped.
 */
export async function inviteToSurvey(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
  raw: Record<string, unknown>,
  mail: SurveyMailOptions,
): Promise<{ invited: number; skipped: number }> {
  const live = await requireLiveSurvey(db, actor, surveyId, surveyRules.manage);
  const contactable = await contactableParticipants(db, live.actor, live.initiative.id);
  const byId = new Map(contactable.map((p) => [p.id, p]));
  const byEmail = new Map(contactable.map((p) => [p.email.toLowerCase(), p]));
  const errors: FieldError[] = [];

  const chosen = asList(raw.participantIds);
  if (!chosen.every((id) => typeof id === 'string' && byId.has(id)))
    errors.push({ field: 'participantIds', code: 'invalidChoice' });
  const everyone = raw.everyone === 'true' || raw.everyone === true;
  const locale = raw.locale === undefined ? 'en' : raw.locale;
  if (!isLocale(locale)) errors.push({ field: 'locale', code: 'invalidChoice' });

  const typed: string[] = [];
  if (raw.emails !== undefined && typeof raw.emails !== 'string')
    errors.push({ field: 'emails', code: 'invalidType' });
  else if (typeof raw.emails === 'string') {
    if (hasForbiddenCharacters(raw.emails)) errors.push({ field: 'emails', code: 'invalidCharacters' });
    else {
      const items = raw.emails
        .split(/[\s,;]+/)
        .map((e) => e.trim())
        .filter(Boolean);
      const wrong = items.filter((e) => !Value.Check(Email, e));
      if (items.length > MAX_TYPED_EMAILS)
        errors.push({
          field: 'emails',
          code: 'distribution.tooManyEmails',
          params: { max: MAX_TYPED_EMAILS },
        });
      else if (wrong.length > 0)
        errors.push({
          field: 'emails',
          code: 'distribution.invalidEmails',
          params: { addresses: wrong.slice(0, 5).join(', ').slice(0, 300), count: wrong.length },
        });
      else typed.push(...items.map((e) => e.toLowerCase()));
    }
  }
  if (errors.length > 0) throw invalid(errors);

  const participants = new Map<string, ContactableParticipant>();
  for (const p of everyone ? contactable : []) participants.set(p.id, p);
  for (const id of chosen) participants.set(id as string, byId.get(id as string)!);
  const emails = new Set<string>();
  for (const e of typed) {
    const p = byEmail.get(e);
    if (p) participants.set(p.id, p);
    else emails.add(e);
  }
  if (participants.size === 0 && emails.size === 0)
    throw invalid([{ field: 'emails', code: 'distribution.nobodyToInvite' }]);

  const already = await invitedSoFar(db, live.org.id, live.survey.id);
  let invited = 0;
  let skipped = 0;
  const send = async (target: { participantId: string | null; email: string; locale: Locale }) => {
    const token = newSecretToken();
    await insertInvitation(db, {
      organizationId: live.org.id,
      surveyId: live.survey.id,
      participantId: target.participantId,
      // A participant's address is read from their profile when reminding; only typed ones are kept.
      email: target.participantId ? null : target.email,
      locale: target.locale,
      tokenHash: hashToken(token),
    });
    await enqueueSurveyMail(db, live, 'invitation', target.email, target.locale, token, mail);
    invited += 1;
  };
  for (const p of participants.values()) {
    if (already.participantIds.has(p.id) || already.emails.has(p.email.toLowerCase())) skipped += 1;
    else await send({ participantId: p.id, email: p.email, locale: p.locale });
  }
  for (const e of emails) {
    if (already.emails.has(e)) skipped += 1;
    else await send({ participantId: null, email: e, locale: locale as Locale });
  }
  await recordAudit(db, {
    organizationId: live.org.id,
    staffId: live.actor.staffId,
    action: 'survey.invite',
    subjectType: 'survey',
    subjectId: live.survey.id,
    details: { invited, skipped },
  });
  return { invited, skipped };
}

/**
 * The initiative's contactable participants (an address and consent to follow-up) not yet invited
 * to this survey, for targeted recruitment of groups who are missing.
 */
export async function uninvitedContactableParticipants(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
): Promise<ContactableParticipant[]> {
  const live = await requireLiveSurvey(db, actor, surveyId, surveyRules.manage);
  const contactable = await contactableParticipants(db, live.actor, live.initiative.id);
  const already = await invitedSoFar(db, live.org.id, live.survey.id);
  return contactable.filter(
    (p) => !already.participantIds.has(p.id) && !already.emails.has(p.email.toLowerCase()),
  );
}
