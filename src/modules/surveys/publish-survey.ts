import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { nowIso } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import { allQuestions, definitionProblems, type SurveyDefinition } from './survey-definition.js';
import { surveyRules } from './surveys.policy.js';
import {
  countResponsesOfVersion,
  findSurvey,
  findVersion,
  insertVersion,
  listVersions,
  replaceVersionDefinition,
  setSurveyStatus,
  type Survey,
} from './surveys.repository.js';
import { forgetSurveyState } from './survey-state-cache.js';

/**
 * Publishes the draft. The first publication creates version 1. Later, if the current version
 * already has responses, the draft becomes a new version (those responses keep theirs); if not,
 * the current version is replaced. Demographic questions take the organization's categories as
 * they are now. Refused, with the problems listed, while the draft cannot be answered.
 */
export async function publishSurvey(db: Db, actor: StaffActor | undefined, id: string): Promise<Survey> {
  authorize(actor, surveyRules.manage);
  const survey = await findSurvey(db, actor.organizationId, id);
  if (!survey) throw notFound();
  const initiative = await getInitiative(db, actor, survey.initiativeId);
  if (initiative.status === 'archived' || initiative.status === 'closed')
    throw new AppError('initiative_not_open');
  const draft: SurveyDefinition = structuredClone(survey.draft);
  const attributes = await listDemographicAttributes(db, actor.organizationId);
  for (const q of allQuestions(draft)) {
    if (q.kind !== 'demographic') continue;
    const attribute = attributes.find((a) => a.id === q.attributeId);
    q.options = attribute
      ? attribute.categories.map((c) => ({ id: c.id, label: { en: c.labelEn, da: c.labelDa } }))
      : [];
  }
  const problems = definitionProblems(draft);
  if (problems.length > 0) throw invalid(problems);
  draft.sections = draft.sections.filter((s) => s.questions.length > 0);
  const current = survey.currentVersionId
    ? await findVersion(db, actor.organizationId, survey.currentVersionId)
    : undefined;
  let versionId: string;
  let version: number;
  if (current && (await countResponsesOfVersion(db, actor.organizationId, current.id)) === 0) {
    await replaceVersionDefinition(db, actor.organizationId, current.id, draft);
    versionId = current.id;
    version = current.version;
  } else {
    const versions = await listVersions(db, actor.organizationId, survey.id);
    version = (versions.at(-1)?.version ?? 0) + 1;
    versionId = await insertVersion(db, actor.organizationId, survey.id, version, draft);
  }
  await setSurveyStatus(db, actor.organizationId, survey.id, 'published', {
    currentVersionId: versionId,
    publishedAt: nowIso(),
    closedAt: null,
  });
  forgetSurveyState(actor.organizationId, survey.id);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'survey.publish',
    subjectType: 'survey',
    subjectId: survey.id,
    details: { version },
  });
  return (await findSurvey(db, actor.organizationId, survey.id))!;
}

/** Closes a published survey: no new answers are accepted, results stay. */
export async function closeSurvey(db: Db, actor: StaffActor | undefined, id: string): Promise<Survey> {
  authorize(actor, surveyRules.manage);
  const survey = await findSurvey(db, actor.organizationId, id);
  if (!survey) throw notFound();
  if (survey.status !== 'published')
    throw new AppError('invalid_transition', {
      params: { from: [`surveys:status.${survey.status}`], to: ['surveys:status.closed'] },
    });
  await setSurveyStatus(db, actor.organizationId, survey.id, 'closed', { closedAt: nowIso() });
  forgetSurveyState(actor.organizationId, survey.id);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'survey.close',
    subjectType: 'survey',
    subjectId: survey.id,
  });
  return (await findSurvey(db, actor.organizationId, survey.id))!;
}
