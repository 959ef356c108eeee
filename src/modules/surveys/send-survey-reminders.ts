import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { isLocale } from '../../platform/i18n.js';
import { hashToken, newSecretToken } from '../../platform/secret-token.js';
import { contactableParticipants, enqueueSurveyMail, type SurveyMailOptions } from './invite-to-survey.js';
import { requireLiveSurvey } from './published-survey.js';
import { surveyRules } from './surveys.policy.js';
import { invitationsToRemind, markInvitationReminded } from './survey-distribution.repository.js';

/**
 * Sends the one reminder each invitation may get, to those who have not completed the survey
 * (by their invitation or any other way). An invitation already reminded is never reminded again,
 * even when two staff press the button at once. The reminder carries a fresh link (the first one
 * keeps working); a participant who since withdrew their address or consent to contact is skipped.
 * Returns how many reminders went into the outbox.
 */
export async function sendSurveyReminders(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
  mail: SurveyMailOptions,
): Promise<{ reminded: number }> {
  const live = await requireLiveSurvey(db, actor, surveyId, surveyRules.manage);
  const due = await invitationsToRemind(db, live.org.id, live.survey.id);
  const contactable = new Map(
    (await contactableParticipants(db, live.actor, live.initiative.id)).map((p) => [p.id, p]),
  );
  let reminded = 0;
  for (const invitation of due) {
    const participant = invitation.participantId ? contactable.get(invitation.participantId) : undefined;
    const to = invitation.email ?? participant?.email;
    if (!to) continue;
    const locale = participant?.locale ?? (isLocale(invitation.locale) ? invitation.locale : 'en');
    const token = newSecretToken();
    if (!(await markInvitationReminded(db, live.org.id, invitation.id, hashToken(token)))) continue;
    await enqueueSurveyMail(db, live, 'reminder', to, locale, token, mail);
    reminded += 1;
  }
  await recordAudit(db, {
    organizationId: live.org.id,
    staffId: live.actor.staffId,
    action: 'survey.remind',
    subjectType: 'survey',
    subjectId: live.survey.id,
    details: { reminded },
  });
  return { reminded };
}
