import type { FormState, PageContext } from '../../../ui/page-context.js';
import { CheckboxField, ErrorSummary, Form, Notice } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { myDataPath } from '../paths.js';
import { ContactFieldset } from './contact-fields.js';
import { ConsentBody, contactLabels } from './parts.js';

/** Where the visitor stands with this initiative, which decides what the page asks. */
export type JoinState =
  { kind: 'newcomer' } | { kind: 'known' } | { kind: 'member'; pseudonym: string } | { kind: 'outdated' };

/** The join page: consent text, explicit agreement, and for newcomers optional details. */
export function JoinPage(props: {
  ctx: PageContext;
  org: { slug: string; name: string };
  initiative: Initiative & { consent: NonNullable<Initiative['consent']> };
  state: JoinState;
  form: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, org, initiative, state, form } = props;
  const t = ctx.t;
  const title = t('participants:join.title', { title: initiative.title });
  const action = `/o/${org.slug}/i/${initiative.slug}/join`;
  return (
    <ParticipantLayout ctx={ctx} title={title} org={org}>
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      {state.kind === 'member' ? (
        <section aria-labelledby="member-title">
          <h2 id="member-title" safe>
            {t('participants:join.memberTitle')}
          </h2>
          <p safe>{t('participants:join.memberText', { pseudonym: state.pseudonym })}</p>
          <ul class="actions">
            <li>
              <a href={`/o/${org.slug}/i/${initiative.slug}`} safe>
                {initiative.title}
              </a>
            </li>
            <li>
              <a href={`${myDataPath(org.slug)}/demographics`} safe>
                {t('participants:join.toDemographics')}
              </a>
            </li>
            <li>
              <a href={myDataPath(org.slug)} safe>
                {t('participants:join.toMyData')}
              </a>
            </li>
          </ul>
        </section>
      ) : (
        <>
          <ErrorSummary ctx={ctx} form={form} labels={contactLabels(ctx)} />
          {state.kind === 'outdated' ? (
            <>
              <h2 safe>{t('participants:join.renewTitle')}</h2>
              <p safe>{t('participants:join.renewText')}</p>
            </>
          ) : (
            <p class="lead" safe>
              {initiative.summary || t('participants:join.intro')}
            </p>
          )}
          <Form ctx={ctx} action={action}>
            <input type="hidden" name="consentTextId" value={initiative.consent.id} />
            {state.kind === 'newcomer' ? (
              <>
                <p safe>{t('participants:join.intro')}</p>
                <ContactFieldset ctx={ctx} form={form} legend={t('participants:join.aboutYou')} />
              </>
            ) : (
              ''
            )}
            <section class="consent" aria-labelledby="consent-title">
              <h2 id="consent-title" safe>
                {t('participants:join.consentTitle', { version: initiative.consent.version })}
              </h2>
              <ConsentBody body={initiative.consent.body} />
              <CheckboxField form={form} name="consent" label={t('participants:fields.consent')} />
            </section>
            <button type="submit" class="button primary" safe>
              {state.kind === 'outdated' ? t('participants:join.renewSubmit') : t('participants:join.submit')}
            </button>
          </Form>
        </>
      )}
    </ParticipantLayout>
  );
}
