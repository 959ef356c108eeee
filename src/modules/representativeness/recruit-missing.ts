import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { invalid } from '../../platform/errors.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import { listInitiativeParticipants } from '../participants/list-initiative-participants.js';
import { getSurvey } from '../surveys/get-survey.js';
import {
  inviteToSurvey,
  uninvitedContactableParticipants,
  type SurveyMailOptions,
} from '../surveys/invite-to-survey.js';
import { representativenessRules } from './representativeness.policy.js';

/**
 * Participants of the initiative in one demographic category who agreed to be contacted and have
 * not been invited to the survey yet: the people targeted recruitment can write to now.
 */
export async function recruitableParticipants(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  surveyId: string,
  attributeId: string,
  categoryId: string,
): Promise<{ id: string; pseudonym: string }[]> {
  authorize(actor, representativenessRules.recruit);
  const { survey } = await getSurvey(db, actor, surveyId);
  if (survey.initiativeId !== initiativeId) throw invalid([{ field: 'surveyId', code: 'unknownId' }]);
  const attribute = (await listDemographicAttributes(db, actor.organizationId)).find(
    (a) => a.id === attributeId,
  );
  const category = attribute?.categories.find((c) => c.id === categoryId);
  if (!attribute || !category) throw invalid([{ field: 'categoryId', code: 'unknownId' }]);
  const { participants } = await listInitiativeParticipants(db, actor, initiativeId);
  const inCategory = new Set(
    participants
      .filter((p) => p.demographics.some((d) => d.attribute === attribute.key && d.category === category.key))
      .map((p) => p.id),
  );
  const open = await uninvitedContactableParticipants(db, actor, survey.id);
  return open.filter((p) => inCategory.has(p.id)).map((p) => ({ id: p.id, pseudonym: p.pseudonym }));
}

/** Invites every recruitable participant of a missing category to the survey, in one action. */
export async function recruitMissing(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  input: { surveyId: string; attributeId: string; categoryId: string },
  mail: SurveyMailOptions,
): Promise<number> {
  const people = await recruitableParticipants(
    db,
    actor,
    initiativeId,
    input.surveyId,
    input.attributeId,
    input.categoryId,
  );
  if (people.length === 0) throw invalid([{ field: 'categoryId', code: 'nobodyToInvite' }]);
  const result = await inviteToSurvey(
    db,
    actor,
    input.surveyId,
    { participantIds: people.map((p) => p.id) },
    mail,
  );
  return result.invited;
}
