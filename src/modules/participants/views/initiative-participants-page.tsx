import type { FormState, PageContext } from '../../../ui/page-context.js';
import { CheckboxField, ErrorSummary, Form, Notice } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { AnswerView, InitiativeParticipantView } from '../participant-view.js';
import type { DemographicAttribute } from '../participants.table.js';
import { ContactFieldset } from './contact-fields.js';
import { ConsentBody, contactLabels, DateTime, DemographicFields, demographicLabels } from './parts.js';

function answerText(a: AnswerView, ctx: PageContext): string {
  const value = a.preferNotToSay
    ? ctx.t('participants:preferNotToSay')
    : ((ctx.locale === 'da' ? a.categoryLabel?.da : a.categoryLabel?.en) ?? '');
  return `${ctx.locale === 'da' ? a.attributeLabel.da : a.attributeLabel.en}: ${value}`;
}

/** An initiative's participants for staff, and the desk registration form for roles that may register. */
export function InitiativeParticipantsPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  participants: InitiativeParticipantView[];
  showContact: boolean;
  canRegister: boolean;
  attributes: DemographicAttribute[];
  form: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, participants, showContact, form } = props;
  const t = ctx.t;
  const title = t('participants:staff.title', { title: initiative.title });
  const consent = initiative.status === 'open' ? initiative.consent : null;
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <p safe>{t('participants:staff.count', { count: participants.length })}</p>
      {showContact ? (
        ''
      ) : (
        <p class="hint" safe>
          {t('participants:staff.pseudonymousOnly')}
        </p>
      )}
      {participants.length === 0 ? (
        <p safe>{t('participants:staff.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('participants:staff.pseudonym')}
              </th>
              <th scope="col" safe>
                {t('participants:staff.joined')}
              </th>
              <th scope="col" safe>
                {t('participants:staff.channel')}
              </th>
              <th scope="col" safe>
                {t('participants:staff.consent')}
              </th>
              <th scope="col" safe>
                {t('participants:staff.demographics')}
              </th>
              {showContact ? (
                <th scope="col" safe>
                  {t('participants:staff.email')}
                </th>
              ) : (
                ''
              )}
              {showContact ? (
                <th scope="col" safe>
                  {t('participants:staff.accessibilityNeeds')}
                </th>
              ) : (
                ''
              )}
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr>
                <td safe>{p.erased ? `${p.pseudonym} (${t('participants:staff.erased')})` : p.pseudonym}</td>
                <td>
                  <DateTime iso={p.membership.joinedAt} ctx={ctx} />
                </td>
                <td safe>{t(`participants:staff.channels.${p.membership.channel}`)}</td>
                <td safe>
                  {p.membership.currentConsentVersion > p.membership.consentVersion
                    ? `${t('participants:staff.consentVersion', { version: p.membership.consentVersion })} (${t('participants:staff.outdated', { version: p.membership.currentConsentVersion })})`
                    : t('participants:staff.consentVersion', { version: p.membership.consentVersion })}
                </td>
                <td safe>{p.demographics.map((a) => answerText(a, ctx)).join('; ')}</td>
                {showContact ? <td safe>{p.contact?.email ?? ''}</td> : ''}
                {showContact ? <td safe>{p.contact?.accessibilityNeeds ?? ''}</td> : ''}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canRegister ? (
        <section aria-labelledby="register-title">
          <h2 id="register-title" safe>
            {t('participants:staff.registerTitle')}
          </h2>
          {consent ? (
            <>
              <p safe>{t('participants:staff.registerIntro')}</p>
              <ErrorSummary
                ctx={ctx}
                form={form}
                labels={{
                  ...contactLabels(ctx),
                  ...demographicLabels(ctx, props.attributes, 'demographics'),
                }}
              />
              <Form ctx={ctx} action={`/staff/initiatives/${initiative.id}/participants`}>
                <input type="hidden" name="consentTextId" value={consent.id} />
                <ContactFieldset ctx={ctx} form={form} legend={t('participants:join.aboutYou')} />
                <DemographicFields
                  ctx={ctx}
                  form={form}
                  attributes={props.attributes}
                  prefix="demographics"
                />
                <h3 safe>{t('participants:staff.consentText', { version: consent.version })}</h3>
                <ConsentBody body={consent.body} />
                <CheckboxField form={form} name="consent" label={t('participants:staff.consentGiven')} />
                <button type="submit" class="button primary" safe>
                  {t('participants:staff.registerSubmit')}
                </button>
              </Form>
            </>
          ) : (
            <p safe>{t('participants:staff.notOpen')}</p>
          )}
        </section>
      ) : (
        ''
      )}
    </StaffLayout>
  );
}
