import { ErrorSummary, Form, Notice, RadioGroup, SelectField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import { enteredModes, type LinkableParticipant } from '../enter-response.js';
import { allQuestions, localized, type SurveyDefinition } from '../survey-definition.js';
import type { Survey } from '../surveys.repository.js';
import { QuestionInput } from './question-input.js';
import { surveyTitle } from './respond-pages.js';

/** The staff form to key in one response from paper, a phone call or in person: the whole survey at once. */
export function EnterResponsePage(props: {
  ctx: PageContext;
  survey: Survey;
  definition: SurveyDefinition;
  participants: LinkableParticipant[];
  action: string;
  form: FormState;
  raw?: Record<string, unknown> | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, survey, definition, form } = props;
  const t = ctx.t;
  const title = t('surveys:distribution.enter.title', { title: surveyTitle(survey, ctx.locale) });
  const questions = allQuestions(definition);
  const numbers = new Map(questions.map((q, i) => [q.id, i + 1]));
  const labels: Record<string, string> = {
    mode: t('surveys:distribution.enter.mode'),
    participantId: t('surveys:distribution.enter.participant'),
    ...Object.fromEntries(
      questions.map((q) => [`q_${q.id}`, `${numbers.get(q.id)}. ${localized(q.text, ctx.locale)}`]),
    ),
  };
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`/staff/surveys/${survey.id}/distribute`} safe>
          {t('surveys:distribution.backToDistribute')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <p class="hint" safe>
        {t('surveys:distribution.enter.intro')}
      </p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={props.action} class="survey-form">
        <RadioGroup
          form={form}
          name="mode"
          label={t('surveys:distribution.enter.mode')}
          required
          options={enteredModes.map((m) => ({ value: m, label: t(`surveys:distribution.enter.modes.${m}`) }))}
        />
        <SelectField
          form={form}
          name="participantId"
          label={t('surveys:distribution.enter.participant')}
          hint={t('surveys:distribution.enter.participantHint')}
          options={[
            { value: '', label: t('surveys:distribution.enter.anonymous') },
            ...props.participants.map((p) => ({ value: p.id, label: p.pseudonym })),
          ]}
        />
        {definition.sections.map((section) => (
          <section class="survey-section">
            {localized(section.title, ctx.locale) ? <h2 safe>{localized(section.title, ctx.locale)}</h2> : ''}
            {section.questions.map((q) => (
              <QuestionInput
                ctx={ctx}
                question={q}
                definition={definition}
                answers={{}}
                raw={props.raw}
                error={form.errors[`q_${q.id}`]}
                number={numbers.get(q.id) ?? 0}
              />
            ))}
          </section>
        ))}
        <div class="actions">
          <button type="submit" class="button primary" safe>
            {t('surveys:distribution.enter.save')}
          </button>
        </div>
      </Form>
    </StaffLayout>
  );
}
