import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { surveyRules } from './surveys.policy.js';
import {
  countResponsesOfVersion,
  findSurvey,
  findVersion,
  listSurveysOf,
  listVersions,
  type Survey,
  type SurveyVersion,
} from './surveys.repository.js';

/** A survey of the actor's organization with its initiative; another organization's id is not found. */
export async function getSurvey(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
): Promise<{ survey: Survey; initiative: Initiative }> {
  authorize(actor, surveyRules.view);
  const survey = await findSurvey(db, actor.organizationId, id);
  if (!survey) throw notFound();
  const initiative = await getInitiative(db, actor, survey.initiativeId);
  return { survey, initiative };
}

/** A survey with its versions and how many responses the current one has (for the builder page). */
export async function getSurveyOverview(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
): Promise<{
  survey: Survey;
  initiative: Initiative;
  versions: SurveyVersion[];
  current: SurveyVersion | undefined;
  currentResponses: number;
}> {
  const { survey, initiative } = await getSurvey(db, actor, id);
  const versions = await listVersions(db, survey.organizationId, survey.id);
  const current = survey.currentVersionId
    ? await findVersion(db, survey.organizationId, survey.currentVersionId)
    : undefined;
  const currentResponses = current ? await countResponsesOfVersion(db, survey.organizationId, current.id) : 0;
  return { survey, initiative, versions, current, currentResponses };
}

/** The surveys of an initiative. */
export async function listSurveys(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
): Promise<Survey[]> {
  authorize(actor, surveyRules.view);
  const initiative = await getInitiative(db, actor, initiativeId);
  return listSurveysOf(db, actor.organizationId, initiative.id);
}

/** The published surveys of an initiative, for its public page (titles and ids only). */
export async function listPublishedSurveys(
  db: Db,
  organizationId: string,
  initiativeId: string,
): Promise<{ id: string; titleEn: string; titleDa: string }[]> {
  const surveys = await listSurveysOf(db, organizationId, initiativeId);
  return surveys
    .filter((s) => s.status === 'published')
    .map((s) => ({ id: s.id, titleEn: s.titleEn, titleDa: s.titleDa }));
}
