import { ErrorSummary, Form, Notice } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Answers } from '../survey-answers.js';
import { allQuestions, localized, type Question, type SurveyDefinition } from '../survey-definition.js';
import type { Survey } from '../surveys.repository.js';
import { QuestionInput } from './question-input.js';
import { PulseInvite } from '../../pulse/views/pulse-invite.js';

type Org = { slug: string; name: string };

/** A survey's title in the reader's language. */
export function surveyTitle(survey: Survey, locale: string): string {
  return locale === 'da' && survey.titleDa ? survey.titleDa : survey.titleEn;
}

function surveyIntro(survey: Survey, locale: string): string {
  return locale === 'da' && survey.introDa ? survey.introDa : survey.introEn;
}

/** One page of a survey for a respondent (participant, kiosk or preview). */
export function SurveyPage(props: {
  ctx: PageContext;
  org: Org;
  survey: Survey;
  definition: SurveyDefinition;
  questions: Question[];
  answers: Answers;
  raw?: Record<string, unknown>;
  page: number;
  pageCount: number;
  action: string;
  form: FormState;
  notice?: string | undefined;
  /** Extra hidden fields (a kiosk token). */
  hidden?: Record<string, string>;
  /** Preview: no form is sent. */
  preview?: boolean;
  /** Offer "save and continue later" (participants with a cookie, not kiosks). */
  canSave?: boolean;
}): JSX.Element {
  const { ctx, survey, definition } = props;
  const title = surveyTitle(survey, ctx.locale);
  const numbers = new Map(allQuestions(definition).map((q, i) => [q.id, i + 1]));
  const labels = Object.fromEntries(
    props.questions.map((q) => [`q_${q.id}`, `${numbers.get(q.id)}. ${localized(q.text, ctx.locale)}`]),
  );
  const onePerPage = survey.layout === 'one_per_page';
  const isLast = !onePerPage || props.page >= props.pageCount - 1;
  const sections = definition.sections
    .map((s) => ({
      section: s,
      questions: props.questions.filter((q) => s.questions.some((x) => x.id === q.id)),
    }))
    .filter((s) => s.questions.length > 0);
  const progress = onePerPage
    ? Math.round(((props.page + 1) / Math.max(props.pageCount, 1)) * 100)
    : undefined;
  const body = (
    <>
      {sections.map(({ section, questions }) => (
        <section class="survey-section">
          {localized(section.title, ctx.locale) ? <h2 safe>{localized(section.title, ctx.locale)}</h2> : ''}
          {questions.map((q) => (
            <QuestionInput
              ctx={ctx}
              question={q}
              definition={definition}
              answers={props.answers}
              raw={props.raw}
              error={props.form.errors[`q_${q.id}`]}
              number={numbers.get(q.id) ?? 0}
            />
          ))}
        </section>
      ))}
    </>
  );
  return (
    <ParticipantLayout ctx={ctx} title={title} org={props.org}>
      <h1 safe>{title}</h1>
      {props.preview ? (
        <p class="notice" role="status" safe>
          {ctx.t('surveys:respond.previewNotice')}
        </p>
      ) : (
        ''
      )}
      <Notice text={props.notice} />
      {props.page === 0 && surveyIntro(survey, ctx.locale) ? (
        <p class="lead" safe>
          {surveyIntro(survey, ctx.locale)}
        </p>
      ) : (
        ''
      )}
      {progress !== undefined ? (
        <div class="progress">
          <p id="progress-label" safe>
            {ctx.t('surveys:respond.progress', { page: props.page + 1, pages: props.pageCount })}
          </p>
          <progress max="100" value={String(progress)} aria-labelledby="progress-label" safe>
            {`${progress}%`}
          </progress>
        </div>
      ) : (
        ''
      )}
      <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
      {props.preview ? (
        <div class="survey-form">{body}</div>
      ) : (
        <Form ctx={ctx} action={props.action} class="survey-form">
          <input type="hidden" name="page" value={String(props.page)} />
          {Object.entries(props.hidden ?? {}).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          {body}
          <div class="actions">
            {onePerPage && props.page > 0 ? (
              <button type="submit" name="action" value="back" class="button secondary" safe>
                {ctx.t('surveys:respond.back')}
              </button>
            ) : (
              ''
            )}
            {isLast ? (
              <button type="submit" name="action" value="submit" class="button primary" safe>
                {ctx.t('surveys:respond.submit')}
              </button>
            ) : (
              <button type="submit" name="action" value="next" class="button primary" safe>
                {ctx.t('surveys:respond.next')}
              </button>
            )}
            {props.canSave ? (
              <button type="submit" name="action" value="save" class="button secondary" safe>
                {ctx.t('surveys:respond.save')}
              </button>
            ) : (
              ''
            )}
          </div>
        </Form>
      )}
    </ParticipantLayout>
  );
}

/** After submitting: thanks, and what happens next. */
export function SurveyDonePage(props: {
  ctx: PageContext;
  org: Org;
  survey: Survey;
  initiativeHref: string;
  again?: string | undefined;
  already?: boolean;
  /** The experience pulse invitation, when asked for. */
  pulseHref?: string | null | undefined;
}): JSX.Element {
  const { ctx } = props;
  const title = surveyTitle(props.survey, ctx.locale);
  return (
    <ParticipantLayout ctx={ctx} title={title} org={props.org}>
      <h1 safe>
        {props.already ? ctx.t('surveys:respond.alreadyTitle') : ctx.t('surveys:respond.thanksTitle')}
      </h1>
      <p safe>
        {props.already
          ? ctx.t('surveys:respond.alreadyText', { title })
          : ctx.t('surveys:respond.thanksText', { title })}
      </p>
      <PulseInvite ctx={ctx} href={props.pulseHref} />
      <ul class="links">
        <li>
          <a href={props.initiativeHref} safe>
            {ctx.t('surveys:respond.backToInitiative')}
          </a>
        </li>
        {props.again ? (
          <li>
            <a href={props.again} safe>
              {ctx.t('surveys:respond.answerAgain')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a href={`/o/${props.org.slug}/me`} safe>
            {ctx.t('surveys:respond.myData')}
          </a>
        </li>
      </ul>
    </ParticipantLayout>
  );
}
