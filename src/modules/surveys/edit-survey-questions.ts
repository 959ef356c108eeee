import { Type, type Static } from '@sinclair/typebox';
import type { Db } from '../../db/database.js';
import { authorize, type StaffActor } from '../../platform/actor.js';
import { recordAudit } from '../../platform/audit.js';
import { newId } from '../../platform/clock.js';
import { invalid, notFound, type FieldError } from '../../platform/errors.js';
import { parseInput } from '../../platform/validation.js';
import { listDemographicAttributes } from '../participants/list-demographic-attributes.js';
import {
  allQuestions,
  conditionKinds,
  definitionProblems,
  MAX_OPTIONS,
  MAX_QUESTIONS,
  questionKinds,
  TEXT_LIMITS,
  type Question,
  type QuestionOption,
  type SurveyDefinition,
} from './survey-definition.js';
import { surveyRules } from './surveys.policy.js';
import { findSurvey, saveDraft, type Survey } from './surveys.repository.js';
import { forgetSurveyState } from './survey-state-cache.js';

// Staff edit the draft of a survey: questions and sections. The draft is only a working copy;
// publishing freezes it into a version (see publish-survey.ts), so edits never touch answers.

/** A question as staff describe it in the builder form (or JSON). */
/** A section's title in both languages. */
const SectionTitleInput = Type.Object({
  titleEn: Type.String({ minLength: 1, maxLength: 300 }),
  titleDa: Type.String({ maxLength: 300, default: '' }),
});

export const QuestionInput = Type.Object({
  sectionId: Type.Optional(Type.String({ maxLength: 40 })),
  kind: Type.Union(questionKinds.map((k) => Type.Literal(k))),
  textEn: Type.String({ minLength: 1, maxLength: 1000 }),
  textDa: Type.String({ maxLength: 1000, default: '' }),
  helpEn: Type.String({ maxLength: 2000, default: '' }),
  helpDa: Type.String({ maxLength: 2000, default: '' }),
  required: Type.Boolean({ default: false }),
  /** One option per line, `English | Danish` (the Danish part optional). */
  options: Type.String({ maxLength: 20_000, default: '' }),
  min: Type.Optional(Type.Number({ minimum: -1e12, maximum: 1e12 })),
  max: Type.Optional(Type.Number({ minimum: -1e12, maximum: 1e12 })),
  integer: Type.Boolean({ default: false }),
  maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: TEXT_LIMITS.long_text })),
  attributeId: Type.Optional(Type.String({ maxLength: 64 })),
  /** Show only when an earlier answer is one of these: `<question id>:<option id>` values. */
  condition: Type.Array(Type.String({ maxLength: 100 }), { maxItems: MAX_OPTIONS, default: [] }),
});
export type QuestionInput = Static<typeof QuestionInput>;

/** Parses `English | Danish` lines into options, keeping the ids of options whose English text is unchanged. */
export function parseOptionLines(text: string, previous: QuestionOption[]): QuestionOption[] | FieldError {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > MAX_OPTIONS) return { field: 'options', code: 'tooMany', params: { max: MAX_OPTIONS } };
  const used = new Set<string>();
  const taken = new Set(previous.map((o) => o.id));
  let next = 1;
  const options: QuestionOption[] = [];
  for (const line of lines) {
    const [en = '', da = ''] = line.split('|').map((p) => p.trim());
    if (en === '') return { field: 'options', code: 'optionNeedsEnglish' };
    if (en.length > 300 || da.length > 300)
      return { field: 'options', code: 'tooLong', params: { max: 300 } };
    const keep = previous.find((o) => o.label.en === en && !used.has(o.id));
    let id = keep?.id;
    if (!id) {
      while (taken.has(`o${next}`) || used.has(`o${next}`)) next++;
      id = `o${next}`;
    }
    used.add(id);
    options.push({ id, label: { en, da } });
  }
  return options;
}

/** The option lines of a question, for its edit form. */
export function optionLines(question: Question): string {
  return question.options.map((o) => (o.label.da ? `${o.label.en} | ${o.label.da}` : o.label.en)).join('\n');
}

async function loadDraft(
  db: Db,
  actor: StaffActor | undefined,
  surveyId: string,
): Promise<{ actor: StaffActor; survey: Survey }> {
  authorize(actor, surveyRules.manage);
  const survey = await findSurvey(db, actor.organizationId, surveyId);
  if (!survey) throw notFound();
  return { actor, survey };
}

async function buildQuestion(
  db: Db,
  organizationId: string,
  draft: SurveyDefinition,
  input: QuestionInput,
  previous: Question | undefined,
): Promise<Question> {
  const errors: FieldError[] = [];
  let options: QuestionOption[] = [];
  let attributeId: string | null = null;
  if (input.kind === 'demographic') {
    const attributes = await listDemographicAttributes(db, organizationId);
    const attribute = attributes.find((a) => a.id === input.attributeId);
    if (!attribute) errors.push({ field: 'attributeId', code: input.attributeId ? 'unknownId' : 'required' });
    else {
      attributeId = attribute.id;
      options = attribute.categories.map((c) => ({ id: c.id, label: { en: c.labelEn, da: c.labelDa } }));
    }
  } else if (['single_choice', 'multiple_choice', 'likert', 'ranking'].includes(input.kind)) {
    const parsed = parseOptionLines(input.options, previous?.options ?? []);
    if ('code' in parsed) errors.push(parsed);
    else options = parsed;
  }
  let condition: Question['condition'] = null;
  if (input.condition.length > 0) {
    const pairs = input.condition.map((c) => c.split(':'));
    const questionIds = new Set(pairs.map(([q]) => q));
    const source = allQuestions(draft).find((q) => q.id === pairs[0]?.[0]);
    if (
      questionIds.size !== 1 ||
      !source ||
      source.id === previous?.id ||
      !conditionKinds.includes(source.kind) ||
      !pairs.every(([, o]) => source.options.some((opt) => opt.id === o))
    ) {
      errors.push({ field: 'condition', code: 'conditionSource' });
    } else condition = { questionId: source.id, optionIds: pairs.map(([, o]) => o!) };
  }
  if (errors.length > 0) throw invalid(errors);
  const textLimit =
    input.kind === 'short_text' || input.kind === 'long_text' ? TEXT_LIMITS[input.kind] : null;
  const ranged = input.kind === 'rating' || input.kind === 'number';
  return {
    id: previous?.id ?? newId().slice(0, 8),
    code: previous?.code ?? `Q${draft.nextCode}`,
    kind: input.kind,
    text: { en: input.textEn, da: input.textDa },
    help: { en: input.helpEn, da: input.helpDa },
    required: input.required,
    options,
    min: ranged ? (input.min ?? (input.kind === 'rating' ? 1 : null)) : null,
    max: ranged ? (input.max ?? (input.kind === 'rating' ? 5 : null)) : null,
    integer: input.kind === 'number' ? input.integer : true,
    maxLength: textLimit === null ? null : Math.min(input.maxLength ?? textLimit, textLimit),
    attributeId,
    condition,
  };
}

/** The problems of one question within a definition, as form fields of the question form. */
function problemsOf(definition: SurveyDefinition, questionId: string): FieldError[] {
  const prefix = `questions.${questionId}.`;
  return definitionProblems(definition)
    .filter((p) => p.field.startsWith(prefix))
    .map((p) => ({
      ...p,
      field: p.field.slice(prefix.length) === 'text' ? 'textEn' : p.field.slice(prefix.length),
    }));
}

async function store(db: Db, actor: StaffActor, survey: Survey, draft: SurveyDefinition, action: string) {
  await saveDraft(db, actor.organizationId, survey.id, draft);
  forgetSurveyState(actor.organizationId, survey.id);
  await recordAudit(db, {
    organizationId: actor.organizationId,
    staffId: actor.staffId,
    action: `survey.${action}`,
    subjectType: 'survey',
    subjectId: survey.id,
  });
}

/** Adds a question at the end of a section (the first one unless another is named). */
export async function addQuestion(
  db: Db,
  actorIn: StaffActor | undefined,
  surveyId: string,
  raw: unknown,
): Promise<Question> {
  const { actor, survey } = await loadDraft(db, actorIn, surveyId);
  const input = parseInput(QuestionInput, raw);
  const draft = survey.draft;
  if (allQuestions(draft).length >= MAX_QUESTIONS)
    throw invalid([{ field: 'textEn', code: 'tooMany', params: { max: MAX_QUESTIONS } }]);
  const section = draft.sections.find((s) => s.id === (input.sectionId ?? draft.sections[0]?.id));
  if (!section) throw invalid([{ field: 'sectionId', code: 'unknownId' }]);
  const question = await buildQuestion(db, actor.organizationId, draft, input, undefined);
  section.questions.push(question);
  draft.nextCode += 1;
  const problems = problemsOf(draft, question.id);
  if (problems.length > 0) throw invalid(problems);
  await store(db, actor, survey, draft, 'question.add');
  return question;
}

/** Changes a question; its id and code stay, options keep their ids when their English text is unchanged. */
export async function updateQuestion(
  db: Db,
  actorIn: StaffActor | undefined,
  surveyId: string,
  questionId: string,
  raw: unknown,
): Promise<Question> {
  const { actor, survey } = await loadDraft(db, actorIn, surveyId);
  const draft = survey.draft;
  const section = draft.sections.find((s) => s.questions.some((q) => q.id === questionId));
  const index = section?.questions.findIndex((q) => q.id === questionId) ?? -1;
  if (!section || index < 0) throw notFound();
  const input = parseInput(QuestionInput, raw);
  const question = await buildQuestion(db, actor.organizationId, draft, input, section.questions[index]);
  section.questions[index] = question;
  const problems = problemsOf(draft, question.id);
  // A later question's condition may point at an option that no longer exists.
  const broken = definitionProblems(draft).filter(
    (p) => p.code === 'unknownId' && p.field.endsWith('.condition'),
  );
  if (broken.length > 0) problems.push({ field: 'options', code: 'optionUsedByCondition' });
  if (problems.length > 0) throw invalid(problems);
  await store(db, actor, survey, draft, 'question.update');
  return question;
}

/** Removes a question, unless a later question's condition depends on it. */
export async function deleteQuestion(
  db: Db,
  actorIn: StaffActor | undefined,
  surveyId: string,
  questionId: string,
): Promise<void> {
  const { actor, survey } = await loadDraft(db, actorIn, surveyId);
  const draft = survey.draft;
  const section = draft.sections.find((s) => s.questions.some((q) => q.id === questionId));
  if (!section) throw notFound();
  if (allQuestions(draft).some((q) => q.condition?.questionId === questionId))
    throw invalid([{ field: 'question', code: 'questionUsedByCondition' }]);
  section.questions = section.questions.filter((q) => q.id !== questionId);
  await store(db, actor, survey, draft, 'question.delete');
}

/** Moves a question one place up or down across the survey (a condition must stay after its source). */
export async function moveQuestion(
  db: Db,
  actorIn: StaffActor | undefined,
  surveyId: string,
  questionId: string,
  direction: 'up' | 'down',
): Promise<void> {
  const { actor, survey } = await loadDraft(db, actorIn, surveyId);
  const draft = survey.draft;
  // Flatten with section positions, swap, then rebuild: moving past a section edge changes section.
  const slots = draft.sections.flatMap((s, si) => s.questions.map((q) => ({ q, si })));
  const at = slots.findIndex((s) => s.q.id === questionId);
  if (at < 0) throw notFound();
  const to = direction === 'up' ? at - 1 : at + 1;
  const here = slots[at]!;
  const there = slots[to];
  if (!there) return;
  if (there.si !== here.si) here.si = there.si;
  else [slots[at], slots[to]] = [there, here];
  for (const [i, s] of draft.sections.entries())
    s.questions = slots.filter((x) => x.si === i).map((x) => x.q);
  if (definitionProblems(draft).some((p) => p.code === 'conditionSource'))
    throw invalid([{ field: 'question', code: 'conditionOrder' }]);
  await store(db, actor, survey, draft, 'question.move');
}

/** Adds a section (a page heading in the all-on-one-page layout) or renames one. */
export async function saveSection(
  db: Db,
  actorIn: StaffActor | undefined,
  surveyId: string,
  sectionId: string | undefined,
  raw: unknown,
): Promise<void> {
  const { actor, survey } = await loadDraft(db, actorIn, surveyId);
  const input = parseInput(SectionTitleInput, raw);
  const draft = survey.draft;
  if (sectionId) {
    const section = draft.sections.find((s) => s.id === sectionId);
    if (!section) throw notFound();
    section.title = { en: input.titleEn, da: input.titleDa };
  } else {
    if (draft.sections.length >= 50)
      throw invalid([{ field: 'titleEn', code: 'tooMany', params: { max: 50 } }]);
    draft.sections.push({
      id: newId().slice(0, 8),
      title: { en: input.titleEn, da: input.titleDa },
      questions: [],
    });
  }
  await store(db, actor, survey, draft, 'section.save');
}

/**
 * Removes a section. Its questions are kept: they join the section before it (or after it, for the
 * first one), so deleting a heading never deletes questions. The last section cannot be removed.
 */
export async function deleteSection(
  db: Db,
  actorIn: StaffActor | undefined,
  surveyId: string,
  sectionId: string,
): Promise<void> {
  const { actor, survey } = await loadDraft(db, actorIn, surveyId);
  const draft = survey.draft;
  const index = draft.sections.findIndex((s) => s.id === sectionId);
  if (index < 0) throw notFound();
  if (draft.sections.length === 1) throw invalid([{ field: 'section', code: 'lastSection' }]);
  const [removed] = draft.sections.splice(index, 1);
  const target = draft.sections[Math.max(index - 1, 0)]!;
  if (index === 0) target.questions.unshift(...removed!.questions);
  else target.questions.push(...removed!.questions);
  await store(db, actor, survey, draft, 'section.delete');
}
