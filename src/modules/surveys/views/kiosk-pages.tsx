import { CheckboxField, CsrfField, ErrorSummary } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { ConsentText } from '../../initiatives/initiatives.table.js';
import { ConsentBody } from '../../participants/views/parts.js';
import type { Answers } from '../survey-answers.js';
import { allQuestions, localized, type SurveyDefinition } from '../survey-definition.js';
import type { Survey } from '../surveys.repository.js';
import { QuestionInput } from './question-input.js';
import { surveyTitle } from './respond-pages.js';
import { PulseInvite } from '../../pulse/views/pulse-invite.js';

// Kiosk pages run on a shared device. They carry no participant navigation ("My data" would be
// nobody's), forms ask the browser not to remember entries (autocomplete off), and every page
// says when it starts over by itself.

/** The first page a kiosk respondent sees: the consent text and a start button. */
export function KioskStartPage(props: {
  ctx: PageContext;
  orgName: string;
  survey: Survey;
  consent: ConsentText;
  action: string;
  form: FormState;
  /** Why the previous form was refused (a replayed or expired kiosk form). */
  problem?: string | undefined;
}): JSX.Element {
  const { ctx, survey, consent, form } = props;
  const t = ctx.t;
  const title = surveyTitle(survey, ctx.locale);
  return (
    <ParticipantLayout ctx={ctx} title={title}>
      <p class="hint" safe>
        {props.orgName}
      </p>
      <h1 safe>{title}</h1>
      {props.problem ? (
        <div class="error-summary" role="alert" id="kiosk-problem" tabindex="-1">
          <p safe>{props.problem}</p>
        </div>
      ) : (
        ''
      )}
      <p class="lead" safe>
        {t('surveys:distribution.kiosk.welcome')}
      </p>
      <form method="post" action={props.action} autocomplete="off" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="consentTextId" value={consent.id} />
        <ErrorSummary
          ctx={ctx}
          form={form}
          labels={{ consent: t('surveys:distribution.kiosk.consentLabel') }}
        />
        <section class="consent" aria-labelledby="consent-title">
          <h2 id="consent-title" safe>
            {t('surveys:distribution.kiosk.consentTitle', { version: consent.version })}
          </h2>
          <ConsentBody body={consent.body} />
          <CheckboxField
            form={{ values: {}, errors: form.errors }}
            name="consent"
            label={t('surveys:distribution.kiosk.consentLabel')}
          />
        </section>
        <button type="submit" class="button primary" safe>
          {t('surveys:distribution.kiosk.start')}
        </button>
      </form>
    </ParticipantLayout>
  );
}

/** The whole survey on one page for one kiosk respondent, with their one-time token. */
export function KioskSurveyPage(props: {
  ctx: PageContext;
  orgName: string;
  survey: Survey;
  definition: SurveyDefinition;
  answers: Answers;
  raw?: Record<string, unknown> | undefined;
  action: string;
  respondentToken: string;
  form: FormState;
  resetMinutes: number;
}): JSX.Element {
  const { ctx, survey, definition } = props;
  const t = ctx.t;
  const title = surveyTitle(survey, ctx.locale);
  const questions = allQuestions(definition);
  const numbers = new Map(questions.map((q, i) => [q.id, i + 1]));
  const labels = Object.fromEntries(
    questions.map((q) => [`q_${q.id}`, `${numbers.get(q.id)}. ${localized(q.text, ctx.locale)}`]),
  );
  const intro = ctx.locale === 'da' && survey.introDa ? survey.introDa : survey.introEn;
  return (
    <ParticipantLayout ctx={ctx} title={title}>
      <p class="hint" safe>
        {props.orgName}
      </p>
      <h1 safe>{title}</h1>
      {intro ? (
        <p class="lead" safe>
          {intro}
        </p>
      ) : (
        ''
      )}
      <p class="hint" safe>
        {t('surveys:distribution.kiosk.resetsAfter', { minutes: props.resetMinutes })}
      </p>
      <ErrorSummary ctx={ctx} form={props.form} labels={labels} />
      <form method="post" action={props.action} class="survey-form" autocomplete="off" novalidate>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="respondent" value={props.respondentToken} />
        {definition.sections.map((section) => (
          <section class="survey-section">
            {localized(section.title, ctx.locale) ? <h2 safe>{localized(section.title, ctx.locale)}</h2> : ''}
            {section.questions.map((q) => (
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
        <div class="actions">
          <button type="submit" class="button primary" safe>
            {t('surveys:respond.submit')}
          </button>
        </div>
      </form>
    </ParticipantLayout>
  );
}

/** Thanks, and the way to hand the device to the next person. */
export function KioskThanksPage(props: {
  ctx: PageContext;
  orgName: string;
  survey: Survey;
  startHref: string;
  resetSeconds: number;
  /** The anonymous experience pulse invitation, when asked for. */
  pulseHref?: string | null | undefined;
}): JSX.Element {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <ParticipantLayout ctx={ctx} title={surveyTitle(props.survey, ctx.locale)}>
      <p class="hint" safe>
        {props.orgName}
      </p>
      <h1 safe>{t('surveys:distribution.kiosk.thanksTitle')}</h1>
      <p safe>{t('surveys:distribution.kiosk.thanksText', { seconds: props.resetSeconds })}</p>
      <PulseInvite ctx={ctx} href={props.pulseHref} />
      <p>
        <a class="button primary" href={props.startHref} safe>
          {t('surveys:distribution.kiosk.next')}
        </a>
      </p>
    </ParticipantLayout>
  );
}
