import { Type, type Static } from '@sinclair/typebox';
import type { FieldError } from '../../platform/errors.js';

// A survey's content as one document: sections of questions with their options, conditions and
// English/Danish texts. Staff edit a draft; publishing freezes a copy as a version, and every
// response keeps the version it answered, so editing never rewrites what people already said.

/** Every question kind a survey offers. */
export const questionKinds = [
  'single_choice',
  'multiple_choice',
  'likert',
  'rating',
  'nps',
  'number',
  'short_text',
  'long_text',
  'ranking',
  'date',
  'demographic',
] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Kinds whose answer is one or more option ids. */
export const choiceKinds: readonly QuestionKind[] = [
  'single_choice',
  'multiple_choice',
  'likert',
  'ranking',
  'demographic',
];
/** Kinds a condition can test (their answer names options). */
export const conditionKinds: readonly QuestionKind[] = [
  'single_choice',
  'multiple_choice',
  'likert',
  'demographic',
];

/** The answer id a demographic question uses for "prefer not to say". */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export const TEXT_LIMITS = { short_text: 500, long_text: 10_000 } as const;
export const MAX_OPTIONS = 50;
export const MAX_QUESTIONS = 200;

const Localized = Type.Object({
  en: Type.String({ maxLength: 2000 }),
  da: Type.String({ maxLength: 2000 }),
});
export type Localized = Static<typeof Localized>;

const Option = Type.Object({ id: Type.String({ minLength: 1, maxLength: 40 }), label: Localized });
export type QuestionOption = Static<typeof Option>;

const Condition = Type.Object({
  questionId: Type.String({ minLength: 1, maxLength: 40 }),
  optionIds: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: MAX_OPTIONS }),
});
export type Condition = Static<typeof Condition>;

const Question = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 40 }),
  /** A short stable code for exports (Q1, Q2 …); never reused within a survey. */
  code: Type.String({ minLength: 1, maxLength: 40 }),
  kind: Type.Union(questionKinds.map((k) => Type.Literal(k))),
  text: Localized,
  help: Localized,
  required: Type.Boolean(),
  options: Type.Array(Option, { maxItems: MAX_OPTIONS }),
  /** rating: lowest and highest score; number: allowed range (null = open). */
  min: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
  /** number: whole numbers only. */
  integer: Type.Boolean(),
  /** text kinds: most characters accepted. */
  maxLength: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  /** demographic: the organization's attribute the answer updates. */
  attributeId: Type.Union([Type.String({ maxLength: 40 }), Type.Null()]),
  condition: Type.Union([Condition, Type.Null()]),
});
export type Question = Static<typeof Question>;

const Section = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 40 }),
  title: Localized,
  questions: Type.Array(Question, { maxItems: MAX_QUESTIONS }),
});
export type Section = Static<typeof Section>;

export const SurveyDefinitionSchema = Type.Object({
  sections: Type.Array(Section, { maxItems: 50 }),
  /** The next number for question codes, so a deleted question's code is never handed out again. */
  nextCode: Type.Integer({ minimum: 1 }),
});
export type SurveyDefinition = Static<typeof SurveyDefinitionSchema>;

/** A new survey's content: one empty section. */
export function emptyDefinition(sectionId: string): SurveyDefinition {
  return { sections: [{ id: sectionId, title: { en: '', da: '' }, questions: [] }], nextCode: 1 };
}

/** Every question in order, with the section it belongs to. */
export function allQuestions(definition: SurveyDefinition): Question[] {
  return definition.sections.flatMap((s) => s.questions);
}

/** Text in the reader's language, falling back to English when the Danish text is missing. */
export function localized(text: Localized, locale: string): string {
  return locale === 'da' && text.da.trim() !== '' ? text.da : text.en;
}

/**
 * Structural problems that would make a survey unanswerable: no questions, a choice question
 * without options, a condition on a later or unknown question, a rating with no range. Returns
 * field errors keyed `questions.<id>.<field>`; empty when the survey can be published.
 */
export function definitionProblems(definition: SurveyDefinition): FieldError[] {
  const problems: FieldError[] = [];
  const questions = allQuestions(definition);
  if (questions.length === 0) problems.push({ field: 'questions', code: 'surveyHasNoQuestions' });
  const seen = new Map<string, Question>();
  for (const q of questions) {
    const at = (field: string) => `questions.${q.id}.${field}`;
    if (q.text.en.trim() === '') problems.push({ field: at('text'), code: 'required' });
    if (choiceKinds.includes(q.kind) && q.kind !== 'demographic') {
      if (q.options.length < 2) problems.push({ field: at('options'), code: 'needsTwoOptions' });
    }
    if (q.kind === 'likert' && q.options.length !== 5 && q.options.length !== 7)
      problems.push({ field: at('options'), code: 'likertPoints' });
    if (q.kind === 'demographic' && !q.attributeId)
      problems.push({ field: at('attributeId'), code: 'required' });
    if (q.kind === 'rating' && (q.min === null || q.max === null || q.max <= q.min))
      problems.push({ field: at('max'), code: 'ratingRange' });
    if (q.min !== null && q.max !== null && q.max < q.min)
      problems.push({ field: at('max'), code: 'rangeOrder' });
    const ids = new Set<string>();
    for (const o of q.options) {
      if (ids.has(o.id)) problems.push({ field: at('options'), code: 'duplicateOption' });
      ids.add(o.id);
      if (o.label.en.trim() === '') problems.push({ field: at('options'), code: 'required' });
    }
    if (q.condition) {
      const source = seen.get(q.condition.questionId);
      if (!source || !conditionKinds.includes(source.kind)) {
        problems.push({ field: at('condition'), code: 'conditionSource' });
      } else if (!q.condition.optionIds.every((id) => source.options.some((o) => o.id === id))) {
        problems.push({ field: at('condition'), code: 'unknownId' });
      }
    }
    seen.set(q.id, q);
  }
  return problems;
}
