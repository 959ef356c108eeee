import type { FormState, PageContext } from '../../../ui/page-context.js';
import { ErrorSummary, Form } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { DemographicAttribute } from '../participants.table.js';
import { myDataPath } from '../paths.js';
import { DemographicFields, demographicLabels } from './parts.js';

/** The participant's background questions, each optional, with "prefer not to say". */
export function MyDemographicsPage(props: {
  ctx: PageContext;
  org: { slug: string; name: string };
  attributes: DemographicAttribute[];
  form: FormState;
}): JSX.Element {
  const { ctx, org, attributes, form } = props;
  const t = ctx.t;
  const base = myDataPath(org.slug);
  return (
    <ParticipantLayout ctx={ctx} title={t('participants:demographics.title')} org={org}>
      <h1 safe>{t('participants:demographics.title')}</h1>
      <p class="lead" safe>
        {t('participants:demographics.intro')}
      </p>
      {attributes.length === 0 ? (
        <p safe>{t('participants:demographics.none')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} form={form} labels={demographicLabels(ctx, attributes, 'answers')} />
          <Form ctx={ctx} action={`${base}/demographics`}>
            <DemographicFields ctx={ctx} form={form} attributes={attributes} prefix="answers" />
            <button type="submit" class="button primary" safe>
              {t('participants:demographics.save')}
            </button>
          </Form>
        </>
      )}
      <p>
        <a href={base} safe>
          {t('participants:demographics.back')}
        </a>
      </p>
    </ParticipantLayout>
  );
}
