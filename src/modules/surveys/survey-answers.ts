import type { FieldError } from '../../platform/errors.js';
import { hasForbiddenCharacters } from '../../platform/validation.js';
import {
  allQuestions,
  PREFER_NOT_TO_SAY,
  TEXT_LIMITS,
  type Question,
  type SurveyDefinition,
} from './survey-definition.js';

// What a respondent may answer, checked against the version they answer: which questions are
// shown (conditions), what each kind accepts, and which questions make up each page.

/** One answer: an option id, option ids (multiple choice; ranking in ranked order), a number or text. */
export type Answer = string | number | string[];
export type Answers = Record<string, Answer>;

/** Whether a question is shown, given the answers so far (a condition tests an earlier answer). */
export function isVisible(question: Question, answers: Answers): boolean {
  if (!question.condition) return true;
  const given = answers[question.condition.questionId];
  if (given === undefined) return false;
  const chosen = Array.isArray(given) ? given : [String(given)];
  return chosen.some((id) => question.condition!.optionIds.includes(id));
}

/** The questions shown for these answers, in order (a hidden question's conditions hide its dependants). */
export function visibleQuestions(definition: SurveyDefinition, answers: Answers): Question[] {
  const shown: Question[] = [];
  const effective: Answers = {};
  for (const q of allQuestions(definition)) {
    if (!isVisible(q, effective)) continue;
    shown.push(q);
    const a = answers[q.id];
    if (a !== undefined) effective[q.id] = a;
  }
  return shown;
}

/** Drops answers to questions that are hidden or unknown, so nothing stale is stored. */
export function keepVisibleAnswers(definition: SurveyDefinition, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of visibleQuestions(definition, answers)) {
    const a = answers[q.id];
    if (a !== undefined) out[q.id] = a;
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

function toNumber(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw !== 'string') return undefined;
  // Accept a decimal comma too: Danish respondents write 2,5.
  const text = raw.trim().replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Parses one raw answer (form text, form list or JSON value) for a question. Returns the answer,
 * `undefined` when nothing was given, or a field error.
 */
export function parseAnswer(question: Question, raw: unknown): { answer?: Answer; error?: FieldError } {
  const field = `q_${question.id}`;
  const fail = (code: string, params?: Record<string, string | number>) => ({
    error: { field, code, ...(params ? { params } : {}) },
  });
  if (raw === undefined || raw === null || raw === '') return {};
  if (Array.isArray(raw) && raw.length === 0) return {};
  const optionIds = question.options.map((o) => o.id);
  switch (question.kind) {
    case 'single_choice':
    case 'likert':
    case 'demographic': {
      if (typeof raw !== 'string') return fail('invalidChoice');
      const allowed = question.kind === 'demographic' ? [...optionIds, PREFER_NOT_TO_SAY] : optionIds;
      return allowed.includes(raw) ? { answer: raw } : fail('invalidChoice');
    }
    case 'multiple_choice': {
      const list = Array.isArray(raw) ? raw : [raw];
      if (!list.every((v) => typeof v === 'string' && optionIds.includes(v))) return fail('invalidChoice');
      const unique = optionIds.filter((id) => list.includes(id));
      return { answer: unique };
    }
    case 'ranking': {
      // A list of item ids in ranked order, or (from a form) an object item id → rank.
      let order: unknown[];
      if (Array.isArray(raw)) order = raw;
      else if (typeof raw === 'object') {
        const ranks = raw as Record<string, unknown>;
        const entries = Object.entries(ranks).filter(([, v]) => v !== '' && v !== undefined);
        if (entries.length === 0) return {};
        const parsed = entries.map(([id, v]) => [id, toNumber(v)] as const);
        if (parsed.some(([, r]) => r === undefined || !Number.isInteger(r))) return fail('rankingOrder');
        order = parsed.sort((a, b) => (a[1] as number) - (b[1] as number)).map(([id]) => id);
        const ranksGiven = parsed.map(([, r]) => r as number).sort((a, b) => a - b);
        if (!ranksGiven.every((r, i) => r === i + 1)) return fail('rankingOrder');
      } else return fail('invalidType');
      if (
        order.length !== optionIds.length ||
        new Set(order).size !== order.length ||
        !order.every((v) => typeof v === 'string' && optionIds.includes(v))
      )
        return fail('rankingOrder');
      return { answer: order as string[] };
    }
    case 'rating':
    case 'nps':
    case 'number': {
      if (Array.isArray(raw) || typeof raw === 'object') return fail('invalidType');
      const n = toNumber(raw);
      if (n === undefined) return fail('notANumber');
      const min = question.kind === 'nps' ? 0 : question.min;
      const max = question.kind === 'nps' ? 10 : question.max;
      const whole = question.kind !== 'number' || question.integer;
      if (whole && !Number.isInteger(n)) return fail('wholeNumber');
      if ((min !== null && n < min) || (max !== null && n > max))
        return fail('outOfRange', { min: min ?? '−∞', max: max ?? '∞' });
      return { answer: n };
    }
    case 'short_text':
    case 'long_text': {
      if (typeof raw !== 'string') return fail('invalidType');
      const text = raw.trim();
      if (text === '') return {};
      if (hasForbiddenCharacters(text)) return fail('invalidCharacters');
      const max = Math.min(question.maxLength ?? TEXT_LIMITS[question.kind], TEXT_LIMITS[question.kind]);
      if ([...text].length > max) return fail('tooLong', { max });
      return { answer: text };
    }
    case 'date': {
      if (typeof raw !== 'string' || !isIsoDate(raw.trim())) return fail('invalidFormat_date');
      return { answer: raw.trim() };
    }
  }
}

/**
 * Checks the answers given for some questions (a page, or the whole survey) and merges them into
 * the answers so far. Required questions that are shown must be answered when `requireAll` is set.
 * Answers to hidden questions are dropped. Throws nothing: returns the merged answers and the errors.
 */
export function applyAnswers(
  definition: SurveyDefinition,
  previous: Answers,
  questions: Question[],
  raw: Record<string, unknown>,
  requireAll: boolean,
): { answers: Answers; errors: FieldError[] } {
  const merged: Answers = { ...previous };
  const errors: FieldError[] = [];
  for (const q of questions) {
    const result = parseAnswer(q, raw[q.id]);
    if (result.error) errors.push(result.error);
    else if (result.answer === undefined) delete merged[q.id];
    else merged[q.id] = result.answer;
  }
  const answers = keepVisibleAnswers(definition, merged);
  if (requireAll) {
    const asked = new Set(questions.map((q) => q.id));
    for (const q of visibleQuestions(definition, answers)) {
      if (!asked.has(q.id) || !q.required || answers[q.id] !== undefined) continue;
      if (errors.some((e) => e.field === `q_${q.id}`)) continue;
      errors.push({ field: `q_${q.id}`, code: 'answerRequired' });
    }
  }
  return { answers, errors };
}

/** Unknown question ids in a submitted answer object (the API refuses them rather than ignoring them). */
export function unknownQuestionIds(definition: SurveyDefinition, raw: Record<string, unknown>): string[] {
  const known = new Set(allQuestions(definition).map((q) => q.id));
  return Object.keys(raw).filter((id) => !known.has(id));
}

/**
 * The pages of a survey for a layout: one page with every question, or one question per page.
 * Pages hold question ids; which are shown depends on the answers (see `visibleQuestions`).
 */
export function pagesOf(definition: SurveyDefinition, layout: string): string[][] {
  const ids = allQuestions(definition).map((q) => q.id);
  return layout === 'one_per_page' ? ids.map((id) => [id]) : [ids];
}
