import type { FormState, PageContext } from '../../../ui/page-context.js';
import { ErrorSummary, Form, Notice, TextField } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { MyData } from '../get-my-data.js';
import { joinPagePath, myDataPath } from '../paths.js';
import { ContactFieldset } from './contact-fields.js';
import { contactLabels, DateTime } from './parts.js';
import { MyInterviewsSection } from '../../interviews/views/my-interviews.js';
import { MyConversationsSection } from '../../conversations/views/my-conversations.js';
import { MyIdeasSection } from '../../ideas/views/my-ideas.js';
import { MyPrototypeFeedbackSection } from '../../prototypes/views/my-feedback.js';
import { MyPulsesSection } from '../../pulse/views/my-pulses.js';
import { MySurveyResponsesSection } from '../../surveys/views/my-survey-responses.js';
import { MyParticipationLink } from '../../follow-up/views/my-participation-link.js';

/** "My data": everything held, the forms to change it, the download and the erasure. */
export function MyDataPage(props: {
  ctx: PageContext;
  org: { slug: string; name: string };
  data: MyData | null;
  detailsForm: FormState;
  eraseForm: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, org, data } = props;
  const t = ctx.t;
  const base = myDataPath(org.slug);
  if (!data) {
    return (
      <ParticipantLayout ctx={ctx} title={t('participants:me.title')} org={org}>
        <h1 safe>{t('participants:me.title')}</h1>
        <Notice text={props.notice} />
        <h2 safe>{t('participants:me.nothingTitle')}</h2>
        <p safe>{t('participants:me.nothingText', { org: org.name })}</p>
      </ParticipantLayout>
    );
  }
  const p = data.participant;
  const eraseWord = t('participants:me.eraseWord');
  return (
    <ParticipantLayout ctx={ctx} title={t('participants:me.title')} org={org}>
      <h1 safe>{t('participants:me.title')}</h1>
      <Notice text={props.notice} />
      <p class="lead" safe>
        {t('participants:me.intro', { org: org.name })}
      </p>
      <dl class="facts">
        <dt safe>{t('participants:me.pseudonym')}</dt>
        <dd safe>{p.pseudonym}</dd>
        <dt safe>{t('participants:fields.email')}</dt>
        <dd safe>{p.email ?? t('participants:notGiven')}</dd>
        <dt safe>{t('participants:fields.followUp')}</dt>
        <dd safe>{p.followUp ? t('participants:yes') : t('participants:no')}</dd>
        <dt safe>{t('participants:me.quoteConsent')}</dt>
        <dd safe>{p.quoteConsent ? t('participants:yes') : t('participants:no')}</dd>
        <dt safe>{t('participants:fields.language')}</dt>
        <dd safe>{t(`participants:languages.${p.locale}`)}</dd>
        <dt safe>{t('participants:fields.accessibilityNeeds')}</dt>
        <dd safe>{p.accessibilityNeeds || t('participants:notGiven')}</dd>
      </dl>

      <h2 safe>{t('participants:me.demographics')}</h2>
      {data.demographics.length === 0 ? (
        <p safe>{t('participants:me.demographicsNone')}</p>
      ) : (
        <dl class="facts">
          {data.demographics.map((d) => (
            <>
              <dt safe>{ctx.locale === 'da' ? d.attributeLabelDa : d.attributeLabelEn}</dt>
              <dd safe>
                {d.preferNotToSay
                  ? t('participants:preferNotToSay')
                  : ((ctx.locale === 'da' ? d.categoryLabelDa : d.categoryLabelEn) ?? '')}
              </dd>
            </>
          ))}
        </dl>
      )}
      <p>
        <a href={`${base}/demographics`} safe>
          {t('participants:me.editDemographics')}
        </a>
      </p>

      <h2 safe>{t('participants:me.initiatives')}</h2>
      {data.memberships.length === 0 ? (
        <p safe>{t('participants:me.initiativesNone')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('participants:me.initiative')}
              </th>
              <th scope="col" safe>
                {t('participants:me.joined')}
              </th>
              <th scope="col" safe>
                {t('participants:me.consentVersion')}
              </th>
              <th scope="col" safe>
                {t('participants:me.consentedAt')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.memberships.map((m) => (
              <tr>
                <td safe>{m.initiativeTitle}</td>
                <td>
                  <DateTime iso={m.joinedAt} ctx={ctx} />
                </td>
                <td>
                  <span safe>{String(m.consentVersion)}</span>
                  {m.currentConsentVersion > m.consentVersion ? (
                    <>
                      {' '}
                      <a href={joinPagePath(org.slug, m.initiativeSlug)} safe>
                        {t('participants:me.renewNeeded')}
                      </a>
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td>
                  <DateTime iso={m.consentedAt} ctx={ctx} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MyInterviewsSection ctx={ctx} interviews={data.interviews} initiatives={data.memberships} />
      <MyConversationsSection ctx={ctx} contributions={data.conversations} />
      <MySurveyResponsesSection ctx={ctx} responses={data.surveyResponses} />
      <MyIdeasSection ctx={ctx} ideas={data.ideas} />
      <MyPrototypeFeedbackSection ctx={ctx} feedback={data.prototypeFeedback} />
      <MyParticipationLink ctx={ctx} orgSlug={org.slug} />
      <MyPulsesSection ctx={ctx} pulses={data.pulses} />

      <h2 safe>{t('participants:me.editTitle')}</h2>
      <ErrorSummary ctx={ctx} form={props.detailsForm} labels={contactLabels(ctx)} />
      <Form ctx={ctx} action={base}>
        <ContactFieldset ctx={ctx} form={props.detailsForm} legend={t('participants:me.editTitle')} />
        <button type="submit" class="button primary" safe>
          {t('participants:me.save')}
        </button>
      </Form>

      <h2 safe>{t('participants:me.downloadTitle')}</h2>
      <p safe>{t('participants:me.downloadText')}</p>
      <p>
        <a class="button secondary" href={`${base}/data.json`} download="" safe>
          {t('participants:me.download')}
        </a>
      </p>

      <h2 safe>{t('participants:me.eraseTitle')}</h2>
      <p safe>{t('participants:me.eraseText')}</p>
      <ErrorSummary ctx={ctx} form={props.eraseForm} labels={contactLabels(ctx)} />
      <Form ctx={ctx} action={`${base}/erase`}>
        <TextField
          form={props.eraseForm}
          name="confirm"
          autocomplete="off"
          maxlength={40}
          label={t('participants:fields.confirm')}
          hint={t('participants:me.eraseHint', { word: eraseWord })}
        />
        <button type="submit" class="button danger" safe>
          {t('participants:me.erase')}
        </button>
      </Form>
    </ParticipantLayout>
  );
}
