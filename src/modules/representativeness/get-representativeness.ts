import {
  assessRepresentativeness,
  type Representativeness,
} from '../../analysis/representativeness/index.js';
import type { Db } from '../../db/database.js';
import { authorize, can, type StaffActor } from '../../platform/actor.js';
import { recruitableParticipants } from './recruit-missing.js';
import { invalid } from '../../platform/errors.js';
import type { Initiative } from '../initiatives/initiatives.table.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import { listInitiativeParticipants } from '../participants/list-initiative-participants.js';
import type { DemographicAttribute } from '../participants/participants.table.js';
import { countRespondentsBySegment } from '../surveys/count-respondents.js';
import { listSurveys } from '../surveys/get-survey.js';
import type { Survey } from '../surveys/surveys.repository.js';
import { representativenessRules } from './representativeness.policy.js';
import { targetPopulationsOf } from './representativeness.repository.js';
import type { TargetPopulation } from './representativeness.table.js';

/** The live view: who took part (the initiative's participants, or one survey's respondents) against the population. */
export interface RepresentativenessView {
  initiative: Initiative;
  attributes: DemographicAttribute[];
  populations: TargetPopulation[];
  surveys: Survey[];
  /** The survey whose respondents are compared, or undefined for the initiative's participants. */
  survey: Survey | undefined;
  /** People in the sample (participants or completed respondents). */
  sampleSize: number;
  /** Respondents per attribute who gave no category (unanswered or prefer not to say). */
  unknown: Record<string, number>;
  result: Representativeness;
  threshold: number;
  /** For the survey shown, when the viewer may recruit: contactable, uninvited people per missing group. */
  recruitable: Map<string, number> | undefined;
}

/**
 * Compares the sample with the initiative's target population on every attribute that has margins:
 * shares, deviations, Δ, chi-square, an overall score, who is missing (with how many more respondents
 * from each category would bring it to its share) and quota progress. Counts come from the
 * participants' demographics, or from a survey's incremental tallies (never a rescan of responses).
 */
export async function getRepresentativeness(
  db: Db,
  actor: StaffActor | undefined,
  initiativeId: string,
  options: { surveyId?: string | undefined; thresholdPoints?: number | undefined } = {},
): Promise<RepresentativenessView> {
  authorize(actor, representativenessRules.view);
  const { initiative, participants } = await listInitiativeParticipants(db, actor, initiativeId);
  const attributes = await listDemographicAttributes(db, actor.organizationId);
  const populations = await targetPopulationsOf(db, actor.organizationId, initiative.id);
  const surveys = await listSurveys(db, actor, initiative.id);
  const threshold = Math.min(Math.max(options.thresholdPoints ?? 2, 0), 50) / 100;
  let survey: Survey | undefined;
  const counts = new Map<string, Map<string, number>>();
  const unknown: Record<string, number> = {};
  let sampleSize: number;
  if (options.surveyId) {
    survey = surveys.find((s) => s.id === options.surveyId);
    if (!survey) throw invalid([{ field: 'survey', code: 'unknownId' }]);
    const respondents = await countRespondentsBySegment(db, actor, survey.id);
    sampleSize = respondents.total;
    for (const a of attributes) {
      const perCategory = new Map<string, number>();
      let known = 0;
      for (const c of a.categories) {
        const n = respondents.segments.get(`${a.id}:${c.id}`) ?? 0;
        perCategory.set(c.id, n);
        known += n;
      }
      counts.set(a.id, perCategory);
      unknown[a.id] = Math.max(0, sampleSize - known);
    }
  } else {
    const active = participants.filter((p) => !p.erased);
    sampleSize = active.length;
    for (const a of attributes) {
      const perCategory = new Map<string, number>(a.categories.map((c) => [c.id, 0]));
      let known = 0;
      for (const p of active) {
        const answer = p.demographics.find((d) => d.attribute === a.key);
        const category = answer?.category ? a.categories.find((c) => c.key === answer.category) : undefined;
        if (!category) continue;
        perCategory.set(category.id, (perCategory.get(category.id) ?? 0) + 1);
        known += 1;
      }
      counts.set(a.id, perCategory);
      unknown[a.id] = sampleSize - known;
    }
  }
  const result = assessRepresentativeness(
    populations
      .filter((p) => attributes.some((a) => a.id === p.attributeId))
      .map((p) => ({
        attribute: p.attributeId,
        population: Object.entries(p.shares).map(([category, share]) => ({ category, share })),
        counts: [...(counts.get(p.attributeId) ?? new Map<string, number>())].map(([category, count]) => ({
          category,
          count,
        })),
        quotas: Object.entries(p.quotas).map(([category, target]) => ({ category, target })),
      })),
    { threshold },
  );
  let recruitable: Map<string, number> | undefined;
  if (survey?.status === 'published' && can(actor, representativenessRules.recruit)) {
    recruitable = new Map();
    for (const m of result.missing) {
      const people = await recruitableParticipants(
        db,
        actor,
        initiative.id,
        survey.id,
        m.attribute,
        m.category,
      );
      recruitable.set(`${m.attribute}:${m.category}`, people.length);
    }
  }
  return {
    initiative,
    attributes,
    populations,
    surveys,
    survey,
    sampleSize,
    unknown,
    result,
    threshold,
    recruitable,
  };
}
