import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import type { Answer } from './survey-answers.js';
import { allQuestions, PREFER_NOT_TO_SAY, type Question } from './survey-definition.js';
import { computeSurveyWeights } from './survey-weights.js';
import { surveyRules } from './surveys.policy.js';
import {
  completedResponses,
  findSurvey,
  listVersions,
  type Survey,
  type SurveyResponse,
} from './surveys.repository.js';

// Raw responses for analysts: one row per completed response, one column per question (multiple
// choice and ranking: one column per option), and a codebook that says what each column holds.

/** One column of the export. */
export interface ExportColumn {
  name: string;
  questionCode: string;
  questionEn: string;
  questionDa: string;
  kind: string;
  /** What the values are: option labels, 1/0 for a ticked option, a rank, a number, text, a date. */
  values: string;
  value: (r: SurveyResponse) => string | number;
}

/** A codebook row: one per column, and one per option of a choice column. */
export interface CodebookRow {
  column: string;
  question: string;
  questionEn: string;
  questionDa: string;
  kind: string;
  value: string;
  labelEn: string;
  labelDa: string;
}

function labelOf(q: Question, id: string): string {
  if (id === PREFER_NOT_TO_SAY) return 'Prefer not to say';
  return q.options.find((o) => o.id === id)?.label.en ?? id;
}

function columnsFor(q: Question): ExportColumn[] {
  const base = { questionCode: q.code, questionEn: q.text.en, questionDa: q.text.da, kind: q.kind };
  const answer = (r: SurveyResponse): Answer | undefined => r.answers[q.id];
  if (q.kind === 'multiple_choice') {
    return q.options.map((o) => ({
      ...base,
      name: `${q.code}_${o.id}`,
      values: `1 = ticked "${o.label.en}", 0 = not ticked, empty = not shown or skipped`,
      value: (r) => {
        const a = answer(r);
        return Array.isArray(a) ? (a.includes(o.id) ? 1 : 0) : '';
      },
    }));
  }
  if (q.kind === 'ranking') {
    return q.options.map((o) => ({
      ...base,
      name: `${q.code}_${o.id}`,
      values: `rank of "${o.label.en}" (1 = first)`,
      value: (r) => {
        const a = answer(r);
        return Array.isArray(a) && a.includes(o.id) ? a.indexOf(o.id) + 1 : '';
      },
    }));
  }
  const choice = q.kind === 'single_choice' || q.kind === 'likert' || q.kind === 'demographic';
  return [
    {
      ...base,
      name: q.code,
      values: choice ? 'option label (see the codebook)' : q.kind,
      value: (r) => {
        const a = answer(r);
        if (a === undefined || Array.isArray(a)) return '';
        return choice ? labelOf(q, String(a)) : a;
      },
    },
  ];
}

/** The columns and codebook of a survey across all its versions (removed questions keep their columns). */
export async function exportLayout(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
): Promise<{ survey: Survey; columns: ExportColumn[]; codebook: CodebookRow[] }> {
  authorize(actor, surveyRules.rawData);
  const survey = await findSurvey(db, actor.organizationId, surveyId);
  if (!survey) throw notFound();
  const versions = await listVersions(db, actor.organizationId, survey.id);
  const questions = new Map<string, Question>();
  // Newest wording first; questions only older versions had follow.
  for (const v of [...versions].reverse())
    for (const q of allQuestions(v.definition)) if (!questions.has(q.id)) questions.set(q.id, q);
  const attributes = await listDemographicAttributes(db, actor.organizationId);
  const meta: { name: string; values: string; value: (r: SurveyResponse) => string | number }[] = [
    { name: 'response_id', values: 'identifier of the response', value: (r) => r.id },
    {
      name: 'version',
      values: 'survey version answered',
      value: (r) => versions.find((v) => v.id === r.versionId)?.version ?? '',
    },
    { name: 'channel', values: 'link, invitation, kiosk, staff or api', value: (r) => r.channel },
    { name: 'mode', values: 'online, paper, phone or in_person', value: (r) => r.mode },
    { name: 'started_at', values: 'ISO 8601 time (UTC)', value: (r) => r.startedAt },
    { name: 'completed_at', values: 'ISO 8601 time (UTC)', value: (r) => r.completedAt ?? '' },
  ];
  const fixed: ExportColumn[] = meta.map((c) => ({
    ...c,
    questionCode: '',
    questionEn: '',
    questionDa: '',
    kind: 'meta',
  }));
  const segmentColumns: ExportColumn[] = attributes.map((a) => ({
    name: `segment_${a.key}`,
    questionCode: '',
    questionEn: `${a.labelEn} (when the response was completed)`,
    questionDa: `${a.labelDa} (da svaret blev afsluttet)`,
    kind: 'segment',
    values: 'category label; empty = not known or prefer not to say',
    value: (r) => a.categories.find((c) => c.id === r.segments[a.id])?.labelEn ?? '',
  }));
  // When the initiative has a target population, a raking weight per response (weighted and
  // unweighted figures can then both be computed from the export), and the codebook names the margins.
  const weighting = await computeSurveyWeights(db, actor, survey);
  const weightColumns: ExportColumn[] = [];
  if (weighting.ok) {
    const byId = new Map(weighting.responses.map((r, i) => [r.id, weighting.weights[i]!]));
    const margins = weighting.margins
      .map((m) => {
        const a = attributes.find((x) => x.id === m.attributeId);
        return `${a?.key ?? m.attributeId} (${m.source}${m.asOf ? `, ${m.asOf}` : ''})`;
      })
      .join('; ');
    weightColumns.push({
      name: 'weight',
      questionCode: '',
      questionEn: `Raking weight to the target population: ${margins}`,
      questionDa: `Raking-vægt til målgruppen: ${margins}`,
      kind: 'weight',
      values: `weight (mean 1 over the completed responses when exported; ${weighting.iterations} iterations, design effect ${weighting.summary.deff.toFixed(3)})`,
      value: (r) => byId.get(r.id) ?? '',
    });
  }
  const columns = [
    ...fixed,
    ...[...questions.values()].flatMap(columnsFor),
    ...segmentColumns,
    ...weightColumns,
  ];
  const codebook: CodebookRow[] = [];
  for (const c of columns) {
    codebook.push({
      column: c.name,
      question: c.questionCode,
      questionEn: c.questionEn,
      questionDa: c.questionDa,
      kind: c.kind,
      value: '',
      labelEn: c.values,
      labelDa: '',
    });
  }
  for (const q of questions.values()) {
    if (!['single_choice', 'likert', 'demographic'].includes(q.kind)) continue;
    for (const o of q.options)
      codebook.push({
        column: q.code,
        question: q.code,
        questionEn: q.text.en,
        questionDa: q.text.da,
        kind: q.kind,
        value: o.label.en,
        labelEn: o.label.en,
        labelDa: o.label.da,
      });
  }
  return { survey, columns, codebook };
}

/** The completed responses of a survey as export rows, read a page at a time. */
export async function* exportRows(
  db: Db,
  actor: StaffActor,
  survey: Survey,
  columns: ExportColumn[],
): AsyncGenerator<(string | number)[]> {
  let after: { completedAt: string; id: string } | undefined;
  for (;;) {
    const page = await completedResponses(db, actor.organizationId, survey.id, after, 500);
    for (const r of page) yield columns.map((c) => c.value(r));
    const last = page.at(-1);
    if (!last || page.length < 500) return;
    after = { completedAt: last.completedAt ?? '', id: last.id };
  }
}

/** Records that someone exported raw responses (raw data leaving the platform is audited). */
export async function auditExport(
  db: Db,
  actor: StaffActor,
  surveyId: string,
  format: string,
): Promise<void> {
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: 'survey.export',
    subjectType: 'survey',
    subjectId: surveyId,
    details: { format },
  });
}
