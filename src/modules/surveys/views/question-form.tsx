import {
  CheckboxField,
  ErrorSummary,
  Form,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/components.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import { optionLines } from '../edit-survey-questions.js';
import {
  allQuestions,
  conditionKinds,
  localized,
  questionKinds,
  type Question,
  type SurveyDefinition,
} from '../survey-definition.js';

/** The organization's demographic attributes a question can be bound to. */
export interface AttributeChoice {
  id: string;
  label: string;
}

/** A question's current values as form values. */
export function questionFormValues(q: Question): Record<string, unknown> {
  return {
    kind: q.kind,
    textEn: q.text.en,
    textDa: q.text.da,
    helpEn: q.help.en,
    helpDa: q.help.da,
    required: q.required,
    options: q.kind === 'demographic' ? '' : optionLines(q),
    min: q.min ?? '',
    max: q.max ?? '',
    integer: q.integer,
    maxLength: q.maxLength ?? '',
    attributeId: q.attributeId ?? '',
    condition: q.condition ? q.condition.optionIds.map((o) => `${q.condition!.questionId}:${o}`) : [],
  };
}

/** The form field labels of the question form (for the error summary). */
export function questionLabels(ctx: PageContext): Record<string, string> {
  const t = ctx.t;
  return {
    sectionId: t('surveys:question.section'),
    kind: t('surveys:question.kind'),
    textEn: t('surveys:question.textEn'),
    textDa: t('surveys:question.textDa'),
    helpEn: t('surveys:question.helpEn'),
    helpDa: t('surveys:question.helpDa'),
    required: t('surveys:question.required'),
    options: t('surveys:question.options'),
    min: t('surveys:question.min'),
    max: t('surveys:question.max'),
    integer: t('surveys:question.integer'),
    maxLength: t('surveys:question.maxLength'),
    attributeId: t('surveys:question.attribute'),
    condition: t('surveys:question.condition'),
    question: t('surveys:question.question'),
  };
}

/** The question form: every kind's settings are shown; the ones a kind does not use are ignored. */
export function QuestionForm(props: {
  ctx: PageContext;
  definition: SurveyDefinition;
  form: FormState;
  action: string;
  submit: string;
  attributes: AttributeChoice[];
  /** The question being edited (its own options cannot be its condition). */
  questionId?: string;
  showSections?: boolean;
}): JSX.Element {
  const { ctx, form, definition } = props;
  const t = ctx.t;
  const all = allQuestions(definition);
  const position = props.questionId ? all.findIndex((q) => q.id === props.questionId) : all.length;
  const sources = all
    .slice(0, position < 0 ? all.length : position)
    .filter((q) => conditionKinds.includes(q.kind));
  const chosen = new Set(
    (Array.isArray(form.values.condition) ? form.values.condition : [form.values.condition]).map(String),
  );
  const conditionError = form.errors.condition;
  return (
    <Form ctx={ctx} action={props.action} class="question-form">
      <ErrorSummary ctx={ctx} form={form} labels={questionLabels(ctx)} />
      {props.showSections && definition.sections.length > 1 ? (
        <SelectField
          form={form}
          name="sectionId"
          label={t('surveys:question.section')}
          options={definition.sections.map((s, i) => ({
            value: s.id,
            label: localized(s.title, ctx.locale) || t('surveys:builder.sectionNumber', { number: i + 1 }),
          }))}
        />
      ) : (
        ''
      )}
      <SelectField
        form={form}
        name="kind"
        label={t('surveys:question.kind')}
        options={questionKinds.map((k) => ({ value: k, label: t(`surveys:kinds.${k}`) }))}
      />
      <TextField form={form} name="textEn" label={t('surveys:question.textEn')} required maxlength={1000} />
      <TextField form={form} name="textDa" label={t('surveys:question.textDa')} maxlength={1000} />
      <TextField form={form} name="helpEn" label={t('surveys:question.helpEn')} maxlength={2000} />
      <TextField form={form} name="helpDa" label={t('surveys:question.helpDa')} maxlength={2000} />
      <CheckboxField form={form} name="required" label={t('surveys:question.required')} />
      <TextArea
        form={form}
        name="options"
        label={t('surveys:question.options')}
        hint={t('surveys:question.optionsHint')}
        rows={6}
      />
      <div class="field-row">
        <TextField
          form={form}
          name="min"
          label={t('surveys:question.min')}
          hint={t('surveys:question.minHint')}
        />
        <TextField form={form} name="max" label={t('surveys:question.max')} />
      </div>
      <CheckboxField form={form} name="integer" label={t('surveys:question.integer')} />
      <TextField
        form={form}
        name="maxLength"
        label={t('surveys:question.maxLength')}
        hint={t('surveys:question.maxLengthHint')}
      />
      <SelectField
        form={form}
        name="attributeId"
        label={t('surveys:question.attribute')}
        hint={t('surveys:question.attributeHint')}
        options={[
          { value: '', label: t('surveys:question.noAttribute') },
          ...props.attributes.map((a) => ({ value: a.id, label: a.label })),
        ]}
      />
      <fieldset class={conditionError ? 'field has-error' : 'field'} id="f-condition">
        <legend safe>{t('surveys:question.condition')}</legend>
        <p class="hint" safe>
          {sources.length > 0 ? t('surveys:question.conditionHint') : t('surveys:question.conditionNone')}
        </p>
        {conditionError ? (
          <p class="field-error" safe>
            {conditionError}
          </p>
        ) : (
          ''
        )}
        {sources.map((q) => (
          <fieldset class="condition-source">
            <legend safe>{`${q.code}. ${localized(q.text, ctx.locale)}`}</legend>
            {q.options.map((o, i) => {
              const value = `${q.id}:${o.id}`;
              return (
                <div class="choice">
                  <input
                    type="checkbox"
                    id={`cond-${q.id}-${i}`}
                    name="condition[]"
                    value={value}
                    checked={chosen.has(value)}
                  />
                  <label for={`cond-${q.id}-${i}`} safe>
                    {localized(o.label, ctx.locale)}
                  </label>
                </div>
              );
            })}
          </fieldset>
        ))}
      </fieldset>
      <button type="submit" class="button primary" safe>
        {props.submit}
      </button>
    </Form>
  );
}
