import {
  breakdown,
  addToTally,
  emptyTally,
  funnel,
  searchTexts,
  summarise,
  textsVisible,
  visibleTextSegments,
  type Breakdown,
  type FunnelValues,
  type Guarded,
  type QuestionSummary,
  type Tally,
} from '../../analysis/survey-results/index.js';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { invalid } from '../../platform/errors.js';
import { getOrganization } from '../organizations/get-organization.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import type { DemographicAttribute } from '../participants/participants.table.js';
import { getSurvey } from './get-survey.js';
import { computeSurveyWeights, type SurveyWeighting } from './survey-weights.js';
import { invitationFunnel } from './invitation-funnel.js';
import { allQuestions, type Question } from './survey-definition.js';
import { visibleQuestions } from './survey-answers.js';
import { catchUpSurveyTallies, EVERYONE, toResultQuestion } from './survey-tallies.js';
import { surveyRules } from './surveys.policy.js';
import {
  readTallies,
  readTalliesWithPrefix,
  findVersion,
  listVersions,
  responseCounts,
  textAnswers,
  type Survey,
  type SurveyVersion,
} from './surveys.repository.js';

/** What the staff asked to see. */
export interface ResultsQuery {
  /** Only respondents of one category: `<attribute id>:<category id>`. */
  filter?: string | undefined;
  /** One column per category of this attribute. */
  breakdownBy?: string | undefined;
  /** Free-text search in text answers. */
  search?: string | undefined;
  /** Weighted to the initiative's target population (raking), shown beside the unweighted figures. */
  weighted?: boolean | undefined;
}

/** One question's results. */
export interface QuestionResult {
  question: Question;
  summary: QuestionSummary;
  /** When weighted: the unweighted summary of the same selection, shown side by side. */
  unweighted: QuestionSummary | undefined;
  breakdown: Breakdown | undefined;
  /** Text answers (text kinds), or `hidden` when the segment is too small to show any. */
  texts: { hidden: true } | { hidden: false; items: string[]; total: number } | undefined;
}

/** A survey's results as the results page and the API show them. */
export interface SurveyResults {
  survey: Survey;
  version: SurveyVersion | undefined;
  k: number;
  attributes: DemographicAttribute[];
  filter: { attribute: DemographicAttribute; categoryId: string | null } | undefined;
  breakdownBy: DemographicAttribute | undefined;
  questions: QuestionResult[];
  funnel: {
    overall: Guarded<FunnelValues>;
    byChannel: { key: string; funnel: Guarded<FunnelValues> }[];
    /** Personal invitations: invited → started → completed (with the response rate). */
    invitations: Guarded<FunnelValues> | undefined;
  };
  modes: { key: string; funnel: Guarded<FunnelValues> }[];
  /** Whether figures are weighted, with the report of the raking, or why they could not be. */
  weighting:
    | Exclude<SurveyWeighting, { ok: true }>
    | Omit<Extract<SurveyWeighting, { ok: true }>, 'responses' | 'weights'>
    | undefined;
}

const TEXT_LIMIT = 200;

function parseSegment(
  value: string | undefined,
  attributes: DemographicAttribute[],
  field: string,
): { attribute: DemographicAttribute; categoryId: string | null } | undefined {
  if (!value) return undefined;
  const [attributeId, categoryId = ''] = value.split(':');
  const attribute = attributes.find((a) => a.id === attributeId);
  if (!attribute || (categoryId !== '' && !attribute.categories.some((c) => c.id === categoryId)))
    throw invalid([{ field, code: 'unknownId' }]);
  return { attribute, categoryId: categoryId === '' ? null : categoryId };
}

/**
 * A survey's results from its incremental tallies, with small-cell suppression at the
 * organization's k: per question, the summary for everyone or for one segment, optionally broken
 * down by an attribute; text answers only where the segment has at least k respondents; the
 * funnel (started → completed) by channel and mode.
 */
export async function getSurveyResults(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
  query: ResultsQuery,
): Promise<SurveyResults> {
  authorize(actor, surveyRules.view);
  // Not the overview: results need the current version, not its response count.
  const { survey } = await getSurvey(db, actor, surveyId);
  const current = survey.currentVersionId
    ? await findVersion(db, actor.organizationId, survey.currentVersionId)
    : undefined;
  const org = await getOrganization(db, actor.organizationId);
  const k = org.smallCellK;
  const attributes = await listDemographicAttributes(db, actor.organizationId);
  const filter = parseSegment(query.filter, attributes, 'filter');
  let breakdownBy: DemographicAttribute | undefined;
  if (query.breakdownBy) {
    breakdownBy = attributes.find((a) => a.id === query.breakdownBy);
    if (!breakdownBy) throw invalid([{ field: 'breakdownBy', code: 'unknownId' }]);
  }
  // A filter shows one segment of the attribute's breakdown (never that segment summarised alone):
  // suppression must look at all of an attribute's segments, or the overall minus the shown ones
  // would give away a hidden one.
  const tableBy = filter?.attribute ?? breakdownBy;
  await catchUpSurveyTallies(db, actor.organizationId, survey.id);
  const rows = await readTallies(db, actor.organizationId, survey.id, [EVERYONE]);
  const tallies = new Map(rows.map((r) => [r.questionId, JSON.parse(r.data) as Tally]));
  const byCategory = new Map<string, Map<string, Tally>>();
  if (tableBy) {
    for (const r of await readTalliesWithPrefix(db, actor.organizationId, survey.id, `${tableBy.id}:`)) {
      const category = r.segment.slice(tableBy.id.length + 1);
      if (!byCategory.has(r.questionId)) byCategory.set(r.questionId, new Map());
      byCategory.get(r.questionId)!.set(category, JSON.parse(r.data) as Tally);
    }
  }
  const questions = current ? allQuestions(current.definition) : [];
  // Weighted figures are tallied afresh from every completed response with its raking weight, for
  // everyone and for the segments of the attribute shown; suppression still counts respondents.
  let weighting: SurveyResults['weighting'];
  let weightedTallies: Map<string, Tally> | undefined;
  const weightedByCategory = new Map<string, Map<string, Tally>>();
  if (query.weighted) {
    const computed = await computeSurveyWeights(db, actor, survey);
    if (computed.ok) {
      const { responses, weights, ...report } = computed;
      weighting = report;
      weightedTallies = new Map();
      // Which questions each response was shown, in the version it answered (as the tallies count them).
      const versions = new Map(
        (await listVersions(db, actor.organizationId, survey.id)).map((v) => [v.id, v]),
      );
      const shownTo = responses.map((r) => {
        const version = versions.get(r.versionId);
        return new Set(version ? visibleQuestions(version.definition, r.answers).map((q) => q.id) : []);
      });
      const isShown = (question: Question, i: number) => shownTo[i]!.has(question.id);
      for (const question of questions) {
        const rq = toResultQuestion(question);
        let all = emptyTally(rq);
        const perCategory = new Map<string, Tally>();
        responses.forEach((r, i) => {
          if (!isShown(question, i)) return;
          const w = weights[i]!;
          all = addToTally(all, r.answers[question.id], w);
          if (tableBy) {
            const category = r.segments[tableBy.id] ?? '';
            perCategory.set(
              category,
              addToTally(perCategory.get(category) ?? emptyTally(rq), r.answers[question.id], w),
            );
          }
        });
        weightedTallies.set(question.id, all);
        weightedByCategory.set(question.id, perCategory);
      }
    } else weighting = computed;
  }
  const texts = questions.some((q) => q.kind === 'short_text' || q.kind === 'long_text')
    ? await textAnswers(
        db,
        actor.organizationId,
        survey.id,
        filter ? { attributeId: filter.attribute.id, categoryId: filter.categoryId ?? '' } : undefined,
        5000,
      )
    : [];
  const results: QuestionResult[] = questions.map((question) => {
    const rq = toResultQuestion(question);
    const unweightedTally = tallies.get(question.id) ?? emptyTally(rq);
    const weightedTally = weightedTallies?.get(question.id);
    const tally = weightedTally ?? unweightedTally;
    const options = { k, weighted: weightedTally !== undefined };
    let summary = summarise(rq, tally, options);
    let unweighted = weightedTally ? summarise(rq, unweightedTally, { k, weighted: false }) : undefined;
    let table: Breakdown | undefined;
    let textsShown = textsVisible(tally.answered.n, k);
    if (tableBy) {
      const perCategory =
        (weightedTally ? weightedByCategory.get(question.id) : byCategory.get(question.id)) ??
        new Map<string, Tally>();
      const categories = [...tableBy.categories.map((c) => c.id), ''];
      const segmentTallies = categories.map((category) => perCategory.get(category) ?? emptyTally(rq));
      table = breakdown(
        rq,
        categories.map((category, i) => ({ category, tally: segmentTallies[i]! })),
        { ...options, overall: tally },
      );
      const visible = visibleTextSegments(
        segmentTallies.map((t) => t.answered.n),
        k,
        !summary.suppressed,
      );
      if (filter) {
        const index = categories.indexOf(filter.categoryId ?? '');
        summary = table.segments[index]!.summary;
        if (weightedTally) {
          const plain = breakdown(
            rq,
            categories.map((category) => ({
              category,
              tally: byCategory.get(question.id)?.get(category) ?? emptyTally(rq),
            })),
            { k, weighted: false, overall: unweightedTally },
          );
          unweighted = plain.segments[index]!.summary;
        }
        textsShown = visible[index] ?? false;
        table = undefined;
      }
    }
    let shownTexts: QuestionResult['texts'];
    if (question.kind === 'short_text' || question.kind === 'long_text') {
      // Free text from a segment smaller than k could identify its writer: none is shown then.
      if (!textsShown) shownTexts = { hidden: true };
      else {
        const all = texts
          .map((r) => r.answers[question.id])
          .filter((a): a is string => typeof a === 'string');
        const found = searchTexts(all, query.search ?? '');
        shownTexts = { hidden: false, items: found.slice(0, TEXT_LIMIT), total: found.length };
      }
    }
    return { question, summary, unweighted, breakdown: table, texts: shownTexts };
  });
  const counts = await responseCounts(db, actor.organizationId, survey.id);
  const invited = await invitationFunnel(db, actor.organizationId, survey.id);
  const sum = (pred: (c: (typeof counts)[number]) => boolean) =>
    counts.filter(pred).reduce((acc, c) => acc + c.n, 0);
  const group = (key: 'channel' | 'mode') =>
    [...new Set(counts.map((c) => c[key]))].sort().map((value) => ({
      key: value,
      funnel: funnel(
        {
          invited: null,
          started: sum((c) => c[key] === value),
          completed: sum((c) => c[key] === value && c.status === 'completed'),
        },
        k,
      ),
    }));
  return {
    survey,
    version: current,
    k,
    attributes,
    filter,
    breakdownBy,
    questions: results,
    funnel: {
      overall: funnel(
        { invited: null, started: sum(() => true), completed: sum((c) => c.status === 'completed') },
        k,
      ),
      byChannel: group('channel'),
      invitations:
        invited.invited > 0
          ? funnel({ invited: invited.invited, started: invited.started, completed: invited.completed }, k)
          : undefined,
    },
    modes: group('mode'),
    weighting,
  };
}
