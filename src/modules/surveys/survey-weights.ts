import {
  isWeightingError,
  MISSING,
  rake,
  type RakingAttribute,
  type WeightSummary,
} from '../../analysis/weighting/index.js';
import type { Db } from '../../db/database.js';
import type { StaffActor } from '../../platform/actor.js';
import { getTargetPopulation } from '../representativeness/get-target-population.js';
import type { Survey, SurveyResponse } from './surveys.repository.js';
import { completedResponses } from './surveys.repository.js';

/** The margins a weighting used: per attribute, where the figures come from. */
export interface MarginsUsed {
  attributeId: string;
  source: string;
  asOf: string | null;
}

/** Raking weights for a survey's completed responses, or why there are none. */
export type SurveyWeighting =
  | {
      ok: true;
      responses: SurveyResponse[];
      weights: Float64Array;
      iterations: number;
      converged: boolean;
      summary: WeightSummary;
      margins: MarginsUsed[];
    }
  | { ok: false; reason: 'no_margins' | 'no_responses' }
  | { ok: false; reason: 'weighting_error'; code: string; attributeId?: string; categoryId?: string };

const PAGE = 1000;

/**
 * Rakes a survey's completed respondents to the initiative's target population: every attribute
 * with margins, respondents coded by the segment they were in when they completed (a respondent who
 * did not say is left out of that attribute's adjustment). Reads every completed response: this is
 * the one results view that is not incremental, as the weights depend on everyone.
 */
export async function computeSurveyWeights(
  db: Db,
  actor: StaffActor,
  survey: Survey,
): Promise<SurveyWeighting> {
  const populations = (await getTargetPopulation(db, actor, survey.initiativeId)).filter(
    (p) => Object.keys(p.shares).length > 0,
  );
  if (populations.length === 0) return { ok: false, reason: 'no_margins' };
  const responses: SurveyResponse[] = [];
  let after: { completedAt: string; id: string } | undefined;
  for (;;) {
    const page = await completedResponses(db, actor.organizationId, survey.id, after, PAGE);
    responses.push(...page);
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    after = { completedAt: last.completedAt ?? '', id: last.id };
  }
  if (responses.length === 0) return { ok: false, reason: 'no_responses' };
  // A respondent in a category the population margins do not list (one added after the margins were
  // entered) cannot be weighted: say which, rather than silently leaving them out.
  for (const p of populations) {
    for (const r of responses) {
      const category = r.segments[p.attributeId];
      if (category !== undefined && !(category in p.shares))
        return {
          ok: false,
          reason: 'weighting_error',
          code: 'unknown_category',
          attributeId: p.attributeId,
          categoryId: category,
        };
    }
  }
  const attributes: RakingAttribute[] = populations.map((p) => {
    const categories = Object.keys(p.shares);
    const index = new Map(categories.map((c, i) => [c, i]));
    const codes = new Int32Array(responses.length);
    responses.forEach((r, i) => {
      const category = r.segments[p.attributeId];
      codes[i] = category !== undefined && index.has(category) ? index.get(category)! : MISSING;
    });
    return {
      name: p.attributeId,
      categories,
      targets: categories.map((c) => p.shares[c] ?? 0),
      kind: 'proportion',
      codes,
    };
  });
  try {
    const result = rake({ attributes }, { epsilon: 1e-10, maxIterations: 1000 });
    return {
      ok: true,
      responses,
      weights: result.weights,
      iterations: result.iterations,
      converged: result.converged,
      summary: result.summary,
      margins: populations.map((p) => ({ attributeId: p.attributeId, source: p.source, asOf: p.asOf })),
    };
  } catch (error) {
    if (!isWeightingError(error)) throw error;
    return {
      ok: false,
      reason: 'weighting_error',
      code: error.code,
      ...(error.details.attribute ? { attributeId: error.details.attribute } : {}),
      ...(error.details.category ? { categoryId: error.details.category } : {}),
    };
  }
}
