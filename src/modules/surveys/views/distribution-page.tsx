import {
  ActionButton,
  CheckboxField,
  ErrorSummary,
  Form,
  Notice,
  RadioGroup,
  TextArea,
} from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Distribution } from '../get-distribution.js';
import { surveyTitle } from './respond-pages.js';

function formatTime(ctx: PageContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

/** The labels of the invitation form's fields (for its error summary). */
export function inviteLabels(ctx: PageContext): Record<string, string> {
  return {
    participantIds: ctx.t('surveys:distribution.invite.participants'),
    everyone: ctx.t('surveys:distribution.invite.everyone', { count: 0 }),
    emails: ctx.t('surveys:distribution.invite.emails'),
    locale: ctx.t('surveys:distribution.invite.locale'),
  };
}

/**
 * A survey's "Distribute" page: public link and QR code, personal invitations with their funnel and
 * the reminder button, kiosks, and keying in responses. Actions show only to roles that may use them.
 */
export function DistributionPage(props: {
  ctx: PageContext;
  data: Distribution;
  publicUrl: string;
  inviteForm: FormState;
  notice?: string | undefined;
  problem?: string | undefined;
}): JSX.Element {
  const { ctx, data, inviteForm } = props;
  const t = ctx.t;
  const base = `/staff/surveys/${data.survey.id}`;
  const title = t('surveys:distribution.title', { title: surveyTitle(data.survey, ctx.locale) });
  const link = `${props.publicUrl}${data.publicPath}`;
  const f = data.funnel;
  const selected = new Set(
    [inviteForm.values.participantIds].flat().filter((v): v is string => typeof v === 'string'),
  );
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={base} safe>
          {t('surveys:distribution.backToBuilder')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      {props.problem ? (
        <div class="error-summary" role="alert" id="error-summary" tabindex="-1">
          <p safe>{props.problem}</p>
        </div>
      ) : (
        ''
      )}
      {!data.live ? (
        <p safe>
          {data.survey.status === 'closed'
            ? t('surveys:distribution.closed')
            : t('surveys:distribution.notPublished')}
        </p>
      ) : (
        <>
          <section aria-labelledby="public-link">
            <h2 id="public-link" safe>
              {t('surveys:distribution.publicLinkTitle')}
            </h2>
            <p>
              <a href={data.publicPath} safe>
                {link}
              </a>
            </p>
            <figure class="qr">
              <img
                src={`${base}/qr.svg`}
                width="200"
                height="200"
                alt={t('surveys:distribution.qrAlt', { link })}
              />
              <figcaption>
                <a href={`${base}/qr.svg`} download={`survey-${data.survey.id}-qr.svg`} safe>
                  {t('surveys:distribution.qrDownload')}
                </a>
              </figcaption>
            </figure>
          </section>

          <section aria-labelledby="invitations">
            <h2 id="invitations" safe>
              {t('surveys:distribution.invitationsTitle')}
            </h2>
            <table>
              <caption safe>{t('surveys:distribution.funnelCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" safe>
                    {t('surveys:distribution.funnel.invited')}
                  </th>
                  <th scope="col" safe>
                    {t('surveys:distribution.funnel.opened')}
                  </th>
                  <th scope="col" safe>
                    {t('surveys:distribution.funnel.started')}
                  </th>
                  <th scope="col" safe>
                    {t('surveys:distribution.funnel.completed')}
                  </th>
                  <th scope="col" safe>
                    {t('surveys:distribution.funnel.reminded')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td safe>{String(f.invited)}</td>
                  <td safe>{String(f.opened)}</td>
                  <td safe>{String(f.started)}</td>
                  <td safe>{String(f.completed)}</td>
                  <td safe>{String(f.reminded)}</td>
                </tr>
              </tbody>
            </table>
            {data.canManage ? (
              <>
                <h3 safe>{t('surveys:distribution.invite.title')}</h3>
                <Form ctx={ctx} action={`${base}/invitations`}>
                  <ErrorSummary ctx={ctx} form={inviteForm} labels={inviteLabels(ctx)} />
                  <fieldset
                    class={inviteForm.errors.participantIds ? 'field has-error' : 'field'}
                    id="f-participantIds"
                    aria-describedby={
                      inviteForm.errors.participantIds ? 'f-participantIds-error' : 'f-participantIds-hint'
                    }
                  >
                    <legend safe>{t('surveys:distribution.invite.participants')}</legend>
                    <p class="hint" id="f-participantIds-hint" safe>
                      {t('surveys:distribution.invite.participantsHint')}
                    </p>
                    {inviteForm.errors.participantIds ? (
                      <p class="field-error" id="f-participantIds-error" safe>
                        {inviteForm.errors.participantIds}
                      </p>
                    ) : (
                      ''
                    )}
                    {data.contactable.length === 0 ? (
                      <p safe>{t('surveys:distribution.invite.noContactable')}</p>
                    ) : (
                      <>
                        <CheckboxField
                          form={inviteForm}
                          name="everyone"
                          label={t('surveys:distribution.invite.everyone', {
                            count: data.contactable.length,
                          })}
                        />
                        {data.contactable.map((p, i) => (
                          <div class="choice">
                            <input
                              type="checkbox"
                              id={`f-participantIds-${i}`}
                              name="participantIds"
                              value={p.id}
                              checked={selected.has(p.id)}
                            />
                            <label for={`f-participantIds-${i}`} safe>
                              {`${p.pseudonym} (${p.email})`}
                            </label>
                          </div>
                        ))}
                      </>
                    )}
                  </fieldset>
                  <TextArea
                    form={inviteForm}
                    name="emails"
                    label={t('surveys:distribution.invite.emails')}
                    hint={t('surveys:distribution.invite.emailsHint')}
                    rows={4}
                    maxlength={60000}
                  />
                  <RadioGroup
                    form={{ values: { locale: 'en', ...inviteForm.values }, errors: inviteForm.errors }}
                    name="locale"
                    label={t('surveys:distribution.invite.locale')}
                    options={[
                      { value: 'en', label: t('surveys:distribution.invite.locales.en') },
                      { value: 'da', label: t('surveys:distribution.invite.locales.da') },
                    ]}
                  />
                  <button type="submit" class="button primary" safe>
                    {t('surveys:distribution.invite.send')}
                  </button>
                </Form>
                <h3 safe>{t('surveys:distribution.remind.title')}</h3>
                <p class="hint" safe>
                  {t('surveys:distribution.remind.hint')}
                </p>
                <ActionButton
                  ctx={ctx}
                  action={`${base}/reminders`}
                  label={t('surveys:distribution.remind.send')}
                />
              </>
            ) : (
              ''
            )}
          </section>

          {data.canCollect ? (
            <>
              <section aria-labelledby="kiosk">
                <h2 id="kiosk" safe>
                  {t('surveys:distribution.kiosk.title')}
                </h2>
                <p class="hint" safe>
                  {t('surveys:distribution.kiosk.intro')}
                </p>
                <Form ctx={ctx} action={`${base}/kiosk`}>
                  <CheckboxField
                    form={{ values: { signOut: true }, errors: {} }}
                    name="signOut"
                    label={t('surveys:distribution.kiosk.signOut')}
                  />
                  <button type="submit" class="button primary" safe>
                    {t('surveys:distribution.kiosk.startHere')}
                  </button>
                </Form>
                {data.kiosks.length > 0 ? (
                  <ul>
                    {data.kiosks.map((k) => (
                      <li>
                        <span safe>
                          {t('surveys:distribution.kiosk.running', {
                            started: formatTime(ctx, k.createdAt),
                            until: formatTime(ctx, k.expiresAt),
                          })}
                        </span>{' '}
                        <ActionButton
                          ctx={ctx}
                          action={`${base}/kiosks/${k.id}/end`}
                          label={t('surveys:distribution.kiosk.end')}
                        />
                      </li>
                    ))}
                  </ul>
                ) : (
                  ''
                )}
              </section>
              <section aria-labelledby="key-in">
                <h2 id="key-in" safe>
                  {t('surveys:distribution.enter.sectionTitle')}
                </h2>
                <p>
                  <a class="button" href={`${base}/responses/new`} safe>
                    {t('surveys:distribution.enter.link')}
                  </a>
                </p>
              </section>
            </>
          ) : (
            ''
          )}
        </>
      )}
    </StaffLayout>
  );
}
