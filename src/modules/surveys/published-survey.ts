import type { Db } from '../../db/database.js';
import { authorize, type Rule, type StaffActor } from '../../platform/actor.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { getOrganization, type Organization } from '../organizations/get-organization.js';
import { getSurvey } from './get-survey.js';
import { findVersion, type Survey, type SurveyVersion } from './surveys.repository.js';

/** A survey that is out in the world now, with what distributing it needs. */
export interface LiveSurvey {
  survey: Survey;
  version: SurveyVersion;
  initiative: Initiative;
  org: Organization;
}

/**
 * A survey of the actor's organization that can take responses now: published, not closed. A draft
 * has no public existence yet (`not_found`: its link, QR code, kiosks and invitations come with
 * publishing); a closed survey is `survey_closed`.
 */
export async function requireLiveSurvey(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
  rule: Rule,
): Promise<LiveSurvey & { actor: StaffActor }> {
  authorize(actor, rule);
  const { survey, initiative } = await getSurvey(db, actor, surveyId);
  if (survey.status === 'closed') throw new AppError('survey_closed');
  if (survey.status !== 'published' || !survey.currentVersionId) throw notFound();
  const version = await findVersion(db, actor.organizationId, survey.currentVersionId);
  if (!version) throw notFound();
  const org = await getOrganization(db, actor.organizationId);
  return { survey, version, initiative, org, actor };
}

/** Where a participant answers a survey (relative to the platform's public URL). */
export function publicSurveyPath(orgSlug: string, initiativeSlug: string, surveyId: string): string {
  return `/o/${encodeURIComponent(orgSlug)}/i/${encodeURIComponent(initiativeSlug)}/s/${encodeURIComponent(surveyId)}`;
}

/** Where a personal invitation link points. */
export function invitationPath(
  orgSlug: string,
  initiativeSlug: string,
  surveyId: string,
  token: string,
): string {
  return `${publicSurveyPath(orgSlug, initiativeSlug, surveyId)}/invitation/${encodeURIComponent(token)}`;
}
