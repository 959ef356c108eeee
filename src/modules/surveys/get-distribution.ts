import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getOrganization, type Organization } from '../organizations/get-organization.js';
import { getSurvey } from './get-survey.js';
import { invitationFunnel, type InvitationFunnel } from './invitation-funnel.js';
import { contactableParticipants, type ContactableParticipant } from './invite-to-survey.js';
import { publicSurveyPath } from './published-survey.js';
import { surveyRules } from './surveys.policy.js';
import { type Survey } from './surveys.repository.js';
import { activeKiosks, invitedSoFar, type SurveyKiosk } from './survey-distribution.repository.js';

/** Everything the "Distribute" page shows, cut to what the actor may do. */
export interface Distribution {
  survey: Survey;
  initiative: Initiative;
  org: Organization;
  /** Published (not closed, not a draft): only then can it be distributed. */
  live: boolean;
  publicPath: string;
  funnel: InvitationFunnel;
  kiosks: SurveyKiosk[];
  /** For those who may invite: participants who agreed to be contacted and are not invited yet. */
  contactable: ContactableParticipant[];
  canManage: boolean;
  canCollect: boolean;
}

/** The distribution overview of a survey: public link, invitations so far, running kiosks. */
export async function getDistribution(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
): Promise<Distribution> {
  authorize(actor, surveyRules.view);
  const { survey, initiative } = await getSurvey(db, actor, surveyId);
  const org = await getOrganization(db, actor.organizationId);
  const live = survey.status === 'published' && survey.currentVersionId !== null;
  const canManage = can(actor, surveyRules.manage);
  let contactable: ContactableParticipant[] = [];
  if (canManage && live) {
    const invited = await invitedSoFar(db, org.id, survey.id);
    contactable = (await contactableParticipants(db, actor, initiative.id)).filter(
      (p) => !invited.participantIds.has(p.id) && !invited.emails.has(p.email.toLowerCase()),
    );
  }
  return {
    survey,
    initiative,
    org,
    live,
    publicPath: publicSurveyPath(org.slug, initiative.slug, survey.id),
    funnel: await invitationFunnel(db, org.id, survey.id),
    kiosks: live ? await activeKiosks(db, org.id, survey.id) : [],
    contactable,
    canManage,
    canCollect: can(actor, surveyRules.collect),
  };
}
