import type { PageContext } from '../../../ui/page-context.js';
import type { Answer, Answers } from '../survey-answers.js';
import {
  allQuestions,
  localized,
  PREFER_NOT_TO_SAY,
  type Question,
  type SurveyDefinition,
} from '../survey-definition.js';

// One question as form controls. Every control has a label; choices sit in a fieldset whose legend
// is the question; the hint and the error are tied to the control. Works without JavaScript:
// a conditional question says when to answer it, and the script only hides it when it does not apply.

/** The form field name of a question's answer. */
export function fieldName(q: Question): string {
  return `q_${q.id}`;
}

/** Reads the answers of some questions from a submitted form (the raw values, checked later). */
export function answersFromForm(body: unknown, questions: Question[]): Record<string, unknown> {
  const form = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const raw: Record<string, unknown> = {};
  for (const q of questions) {
    const name = fieldName(q);
    if (q.kind === 'multiple_choice') {
      const v = form[`${name}[]`] ?? form[name];
      raw[q.id] = v === undefined ? undefined : Array.isArray(v) ? v : [v];
    } else if (q.kind === 'ranking') {
      const ranks: Record<string, unknown> = {};
      for (const o of q.options) ranks[o.id] = form[`${name}__${o.id}`];
      raw[q.id] = ranks;
    } else raw[q.id] = form[name];
  }
  return raw;
}

function describedBy(q: Question, hasHelp: boolean, error: string | undefined): string | undefined {
  const ids = [hasHelp ? `${fieldName(q)}-hint` : '', error ? `${fieldName(q)}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function shownValue(answer: Answer | undefined, raw: unknown): string {
  if (typeof raw === 'string' || typeof raw === 'number') return String(raw);
  if (answer === undefined || Array.isArray(answer)) return '';
  return String(answer);
}

/** The hint of a conditional question: when to answer it. */
function conditionText(ctx: PageContext, q: Question, definition: SurveyDefinition): string {
  if (!q.condition) return '';
  const source = allQuestions(definition).find((x) => x.id === q.condition!.questionId);
  if (!source) return '';
  const options = source.options
    .filter((o) => q.condition!.optionIds.includes(o.id))
    .map((o) => `“${localized(o.label, ctx.locale)}”`)
    .join(ctx.t('surveys:respond.or'));
  return ctx.t('surveys:respond.conditionHint', { question: localized(source.text, ctx.locale), options });
}

/** A question's controls, with its current answer (or what was typed) and its error. */
export function QuestionInput(props: {
  ctx: PageContext;
  question: Question;
  definition: SurveyDefinition;
  answers: Answers;
  raw?: Record<string, unknown>;
  error?: string | undefined;
  number: number;
}): JSX.Element {
  const { ctx, question: q, error } = props;
  const name = fieldName(q);
  const help = localized(q.help, ctx.locale);
  const condition = conditionText(ctx, q, props.definition);
  const hint = [help, condition].filter(Boolean).join(' ');
  const answer = props.answers[q.id];
  const raw = props.raw?.[q.id];
  const label = `${props.number}. ${localized(q.text, ctx.locale)}${q.required ? ` (${ctx.t('surveys:respond.required')})` : ''}`;
  const aria = describedBy(q, hint !== '', error);
  const wrapperAttrs = {
    class: `question kind-${q.kind}${error ? ' has-error' : ''}`,
    id: `${name}-block`,
    'data-show-when': q.condition?.questionId ? `q_${q.condition.questionId}` : undefined,
    'data-show-values': q.condition ? q.condition.optionIds.join(' ') : undefined,
  };
  const messages = (
    <>
      {hint ? (
        <p class="hint" id={`${name}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      {error ? (
        <p class="field-error" id={`${name}-error`} safe>
          {error}
        </p>
      ) : (
        ''
      )}
    </>
  );
  const selected = (id: string): boolean => {
    if (raw !== undefined) return Array.isArray(raw) ? raw.includes(id) : raw === id;
    return Array.isArray(answer) ? answer.includes(id) : answer === id;
  };

  if (['single_choice', 'likert', 'demographic', 'multiple_choice'].includes(q.kind)) {
    const multiple = q.kind === 'multiple_choice';
    const options = q.options.map((o) => ({ id: o.id, label: localized(o.label, ctx.locale) }));
    if (q.kind === 'demographic')
      options.push({ id: PREFER_NOT_TO_SAY, label: ctx.t('surveys:respond.preferNotToSay') });
    return (
      <fieldset {...wrapperAttrs} aria-describedby={aria} id={`f-${name}`}>
        <legend safe>{label}</legend>
        {messages}
        <div class={q.kind === 'likert' ? 'choices likert' : 'choices'}>
          {options.map((o, i) => (
            <div class="choice">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={`${name}-${i}`}
                name={multiple ? `${name}[]` : name}
                value={o.id}
                checked={selected(o.id)}
              />
              <label for={`${name}-${i}`} safe>
                {o.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  if (q.kind === 'rating' || q.kind === 'nps') {
    const min = q.kind === 'nps' ? 0 : (q.min ?? 1);
    const max = q.kind === 'nps' ? 10 : (q.max ?? 5);
    const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    return (
      <fieldset {...wrapperAttrs} aria-describedby={aria} id={`f-${name}`}>
        <legend safe>{label}</legend>
        {messages}
        {q.kind === 'nps' ? (
          <p class="hint" safe>
            {ctx.t('surveys:respond.npsScale')}
          </p>
        ) : (
          <p class="hint" safe>
            {ctx.t('surveys:respond.ratingScale', { min, max })}
          </p>
        )}
        <div class="choices scale">
          {points.map((p) => (
            <div class="choice">
              <input
                type="radio"
                id={`${name}-${p}`}
                name={name}
                value={String(p)}
                checked={shownValue(answer, raw) === String(p)}
              />
              <label for={`${name}-${p}`} safe>
                {String(p)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  if (q.kind === 'ranking') {
    const ranks = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<
      string,
      unknown
    >;
    const order = Array.isArray(answer) ? answer : [];
    return (
      <fieldset {...wrapperAttrs} aria-describedby={aria} id={`f-${name}`}>
        <legend safe>{label}</legend>
        {messages}
        <p class="hint" safe>
          {ctx.t('surveys:respond.rankingHint', { count: q.options.length })}
        </p>
        {q.options.map((o, i) => {
          const current =
            ranks[o.id] !== undefined
              ? String(ranks[o.id])
              : order.includes(o.id)
                ? String(order.indexOf(o.id) + 1)
                : '';
          return (
            <div class="field rank">
              <label for={`${name}-${i}`} safe>
                {localized(o.label, ctx.locale)}
              </label>
              <select id={`${name}-${i}`} name={`${name}__${o.id}`}>
                <option value="" safe>
                  {ctx.t('surveys:respond.rankNone')}
                </option>
                {q.options.map((_, r) => (
                  <option value={String(r + 1)} selected={current === String(r + 1)} safe>
                    {String(r + 1)}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </fieldset>
    );
  }
  const common = {
    id: `f-${name}`,
    name,
    'aria-describedby': aria,
    'aria-invalid': error ? 'true' : undefined,
  };
  return (
    <div {...wrapperAttrs}>
      <label for={`f-${name}`} safe>
        {label}
      </label>
      {messages}
      {q.kind === 'long_text' ? (
        <textarea {...common} rows="6" maxlength={q.maxLength ?? undefined} safe>
          {shownValue(answer, raw)}
        </textarea>
      ) : q.kind === 'date' ? (
        <input {...common} type="date" value={shownValue(answer, raw)} />
      ) : q.kind === 'number' ? (
        <input
          {...common}
          type="text"
          inputmode={q.integer ? 'numeric' : 'decimal'}
          value={shownValue(answer, raw)}
        />
      ) : (
        <input {...common} type="text" maxlength={q.maxLength ?? undefined} value={shownValue(answer, raw)} />
      )}
    </div>
  );
}
