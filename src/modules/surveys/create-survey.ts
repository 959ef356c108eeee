import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { getInitiative } from '../initiatives/get-initiative.js';
import { emptyDefinition } from './survey-definition.js';
import { SurveySettingsInput } from './survey-input.js';
import { surveyRules } from './surveys.policy.js';
import { findSurvey, insertSurvey, updateSettings, type Survey } from './surveys.repository.js';
import { forgetSurveyState } from './survey-state-cache.js';

/** Creates a draft survey in an initiative that is not archived. */
export async function createSurvey(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  raw: unknown,
): Promise<Survey> {
  authorize(actor, surveyRules.manage);
  const initiative = await getInitiative(db, actor, initiativeId);
  if (initiative.status === 'archived') throw new AppError('initiative_not_open');
  const input = parseInput(SurveySettingsInput, raw);
  const id = await insertSurvey(db, actor.organizationId, initiative.id, input, emptyDefinition(newId()));
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'survey.create',
    subjectType: 'survey',
    subjectId: id,
    details: { title: input.titleEn },
  });
  return (await findSurvey(db, actor.organizationId, id))!;
}

/** Changes a survey's titles, introduction, layout and whether one person may answer more than once. */
export async function updateSurveySettings(
  db: Db,
  actor: StaffActor | undefined,
  id: string,
  raw: unknown,
): Promise<Survey> {
  authorize(actor, surveyRules.manage);
  const survey = await findSurvey(db, actor.organizationId, id);
  if (!survey) throw new AppError('not_found');
  const input = parseInput(SurveySettingsInput, raw);
  await updateSettings(db, actor.organizationId, id, input);
  forgetSurveyState(actor.organizationId, id);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'survey.settings',
    subjectType: 'survey',
    subjectId: id,
  });
  return (await findSurvey(db, actor.organizationId, id))!;
}
