import { numberFormat } from '../../../ui/charts/index.js';
import { Form, Notice } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { RecipientPreview } from '../campaign-recipients.js';
import type { CampaignReport, CampaignSummary } from '../get-campaign.js';
import { when } from './campaign-list.js';

/** Most recipients listed by pseudonym on the preview (the count is always complete). */
const LISTED = 200;

function ReportTable(props: {
  ctx: PageContext;
  caption: string;
  groupLabel: string;
  groups: CampaignReport['byLocale'];
  label: (key: string) => string;
}): JSX.Element {
  const { ctx } = props;
  const fmt = numberFormat(ctx.locale);
  return (
    <table>
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {props.groupLabel}
          </th>
          <th scope="col" safe>
            {ctx.t('engagement:report.recipients')}
          </th>
          <th scope="col" safe>
            {ctx.t('engagement:report.cameBack')}
          </th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(props.groups).map(([key, c]) => (
          <tr>
            <th scope="row" safe>
              {props.label(key)}
            </th>
            <td safe>{fmt(c.recipients)}</td>
            <td safe>{fmt(c.cameBack)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Preview(props: {
  ctx: PageContext;
  id: string;
  preview: RecipientPreview;
  error?: string | undefined;
}) {
  const { ctx, preview } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title" safe>
        {t('engagement:preview.title')}
      </h2>
      <p safe>
        {t('engagement:preview.summary', {
          count: preview.recipients.length,
          lapsed: preview.lapsed,
          noConsent: preview.noConsent,
          recent: preview.recentlyMailed,
        })}
      </p>
      {preview.recipients.length > 0 ? (
        <ul class="recipients">
          {preview.recipients.slice(0, LISTED).map((r) => (
            <li safe>{`${r.pseudonym} (${t(`engagement:languages.${r.locale}`)})`}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {preview.recipients.length === 0 && !props.error ? (
        <p safe>{t('engagement:errors.nobodyToSend')}</p>
      ) : (
        ''
      )}
      <Form ctx={ctx} action={`/staff/engagement/campaigns/${props.id}/send`}>
        <div class={props.error ? 'field has-error' : 'field'}>
          {props.error ? (
            <p class="field-error" id="f-send-error" safe>
              {props.error}
            </p>
          ) : (
            ''
          )}
          <button
            type="submit"
            id="f-send"
            class="button"
            aria-describedby={props.error ? 'f-send-error' : undefined}
            safe
          >
            {t('engagement:preview.send', { count: preview.recipients.length })}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** One campaign: its text, and the preview with the send button (draft) or its report (sent). */
export function CampaignPage(props: {
  ctx: PageContext;
  summary: CampaignSummary & { preview: RecipientPreview | null };
  notice?: string | undefined;
  error?: string | undefined;
}): JSX.Element {
  const { ctx } = props;
  const { campaign, report, preview } = props.summary;
  const t = ctx.t;
  const fmt = numberFormat(ctx.locale);
  const title = t('engagement:campaignTitle', {
    subject: ctx.locale === 'da' ? campaign.subjectDa : campaign.subjectEn,
  });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href="/staff/engagement" safe>
          {t('engagement:title')}
        </a>
      </p>
      <Notice text={props.notice} />
      <h1 safe>{title}</h1>
      <p safe>
        {campaign.sentAt
          ? t('engagement:campaigns.sentOn', { date: when(ctx, campaign.sentAt) })
          : t('engagement:campaigns.draft')}
      </p>
      {(['en', 'da'] as const).map((locale) => (
        <section aria-labelledby={`text-${locale}`} lang={locale}>
          <h2 id={`text-${locale}`} safe>
            {t(`engagement:languages.${locale}`)}
          </h2>
          <p>
            <strong safe>{locale === 'da' ? campaign.subjectDa : campaign.subjectEn}</strong>
          </p>
          <p class="prewrap" safe>
            {locale === 'da' ? campaign.bodyDa : campaign.bodyEn}
          </p>
        </section>
      ))}
      {preview ? <Preview ctx={ctx} id={campaign.id} preview={preview} error={props.error} /> : ''}
      {!campaign.sentAt && !preview ? <p safe>{t('engagement:preview.notAllowed')}</p> : ''}
      {report ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title" safe>
            {t('engagement:report.title')}
          </h2>
          <p class="lead" safe>
            {t('engagement:report.summary', {
              recipients: fmt(report.total.recipients),
              cameBack: fmt(report.total.cameBack),
            })}
          </p>
          {report.windowOpen ? <p safe>{t('engagement:report.windowOpen')}</p> : ''}
          {report.erased > 0 ? <p safe>{t('engagement:report.erased', { count: report.erased })}</p> : ''}
          <ReportTable
            ctx={ctx}
            caption={t('engagement:report.byLanguage')}
            groupLabel={t('engagement:report.language')}
            groups={report.byLocale}
            label={(k) => t(`engagement:languages.${k}`)}
          />
          <ReportTable
            ctx={ctx}
            caption={t('engagement:report.bySegment')}
            groupLabel={t('engagement:segment')}
            groups={report.bySegment}
            label={(k) => t(`engagement:segments.${k}`)}
          />
        </section>
      ) : (
        ''
      )}
    </StaffLayout>
  );
}
