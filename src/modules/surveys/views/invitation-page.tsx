import { CheckboxField, ErrorSummary, Form } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { ConsentText } from '../../initiatives/initiatives.table.js';
import { ConsentBody } from '../../participants/views/parts.js';
import type { Survey } from '../surveys.repository.js';
import { surveyTitle } from './respond-pages.js';

/** The page a personal invitation link opens: start the survey, accepting the consent text first if needed. */
export function InvitationPage(props: {
  ctx: PageContext;
  org: { slug: string; name: string };
  survey: Survey;
  initiativeTitle: string;
  consent: ConsentText;
  needsConsent: boolean;
  action: string;
  form: FormState;
}): JSX.Element {
  const { ctx, survey, consent, form } = props;
  const t = ctx.t;
  const title = surveyTitle(survey, ctx.locale);
  const intro = ctx.locale === 'da' && survey.introDa ? survey.introDa : survey.introEn;
  return (
    <ParticipantLayout ctx={ctx} title={title} org={props.org}>
      <h1 safe>{title}</h1>
      <p safe>{t('surveys:distribution.invitation.lead', { initiative: props.initiativeTitle })}</p>
      {intro ? (
        <p class="lead" safe>
          {intro}
        </p>
      ) : (
        ''
      )}
      <Form ctx={ctx} action={props.action}>
        <ErrorSummary
          ctx={ctx}
          form={form}
          labels={{ consent: t('surveys:distribution.kiosk.consentLabel') }}
        />
        {props.needsConsent ? (
          <section class="consent" aria-labelledby="consent-title">
            <input type="hidden" name="consentTextId" value={consent.id} />
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
        ) : (
          ''
        )}
        <button type="submit" class="button primary" safe>
          {t('surveys:distribution.invitation.start')}
        </button>
      </Form>
    </ParticipantLayout>
  );
}
