import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { invalid, type FieldError } from '../../platform/errors.js';
import { listInitiativeParticipants } from '../participants/list-initiative-participants.js';
import { settleCompletedResponse } from './complete-response.js';
import { requireLiveSurvey, type LiveSurvey } from './published-survey.js';
import { applyAnswers } from './survey-answers.js';
import { allQuestions } from './survey-definition.js';
import { surveyRules } from './surveys.policy.js';
import { insertResponse, responsesOfParticipant } from './surveys.repository.js';

/** How answers keyed in by staff were given. */
export const enteredModes = ['paper', 'phone', 'in_person'] as const;
export type EnteredMode = (typeof enteredModes)[number];

/** A participant a keyed-in response may be linked to: a member who accepted the current consent. */
export interface LinkableParticipant {
  id: string;
  pseudonym: string;
}

/** What the staff entry form needs: the live survey and the participants it may be linked to. */
export async function getResponseEntry(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
): Promise<LiveSurvey & { actor: StaffActor; participants: LinkableParticipant[] }> {
  const live = await requireLiveSurvey(db, actor, surveyId, surveyRules.collect);
  const { participants } = await listInitiativeParticipants(db, live.actor, live.initiative.id);
  return {
    ...live,
    participants: participants
      .filter((p) => !p.erased && p.membership.consentVersion === p.membership.currentConsentVersion)
      .map((p) => ({ id: p.id, pseudonym: p.pseudonym })),
  };
}

/**
 * Stores a response keyed in by staff from paper, a phone call or in person: the whole survey at
 * once, checked exactly like a participant's (every shown required question answered), completed at
 * once with channel `staff`, the mode and who entered it. It may be linked to a participant of the
 * initiative who accepted the current consent text (their demographic answers then update their
 * profile, as when they answer themselves); one response per participant unless the survey allows more.
 * `raw` holds `mode`, optional `participantId` and `answers` (question id → raw answer).
 */
export async function enterResponse(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
  raw: { mode: unknown; participantId: unknown; answers: Record<string, unknown> },
): Promise<{ responseId: string }> {
  const entry = await getResponseEntry(db, actor, surveyId);
  const { survey, version, org } = entry;
  const errors: FieldError[] = [];
  const mode = enteredModes.find((m) => m === raw.mode);
  if (raw.mode === undefined || raw.mode === '') errors.push({ field: 'mode', code: 'required' });
  else if (!mode) errors.push({ field: 'mode', code: 'invalidChoice' });
  let participantId: string | null = null;
  if (raw.participantId !== undefined && raw.participantId !== '') {
    const linked = entry.participants.find((p) => p.id === raw.participantId);
    if (!linked) errors.push({ field: 'participantId', code: 'invalidChoice' });
    else if (
      !survey.allowMultiple &&
      (await responsesOfParticipant(db, org.id, survey.id, linked.id)).some((r) => r.status === 'completed')
    )
      errors.push({ field: 'participantId', code: 'distribution.alreadyResponded' });
    else participantId = linked.id;
  }
  const definition = version.definition;
  const applied = applyAnswers(definition, {}, allQuestions(definition), raw.answers, true);
  errors.push(...applied.errors);
  if (errors.length > 0 || !mode) throw invalid(errors);
  const segments = await settleCompletedResponse(
    db,
    org.id,
    survey.id,
    definition,
    participantId,
    applied.answers,
  );
  const responseId = await insertResponse(
    db,
    {
      organizationId: org.id,
      surveyId: survey.id,
      versionId: version.id,
      participantId,
      consentTextId: participantId ? (entry.initiative.consent?.id ?? null) : null,
      channel: 'staff',
      mode,
      enteredBy: entry.actor.staffId,
    },
    applied.answers,
    'completed',
    segments,
  );
  await recordAudit(db, {
    organizationId: org.id,
    staffId: entry.actor.staffId,
    action: 'survey.response_entered',
    subjectType: 'survey_response',
    subjectId: responseId,
    details: { surveyId: survey.id, mode, linked: participantId !== null },
  });
  return { responseId };
}
