import { segmentKinds } from '../../../analysis/engagement/index.js';
import { BarChart, numberFormat } from '../../../ui/charts/index.js';
import { ErrorSummary, Form, Notice, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { CampaignSummary } from '../get-campaign.js';
import type { SegmentsView } from '../get-segments.js';
import { MAX_BODY, MAX_SUBJECT } from '../campaign-input.js';
import { CampaignList } from './campaign-list.js';

/** The staff engagement page: segments, the lapse setting, a new campaign and the campaigns sent. */
export function EngagementPage(props: {
  ctx: PageContext;
  segments: SegmentsView;
  campaigns: CampaignSummary[];
  settingForm: FormState | null;
  campaignForm: FormState | null;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, segments } = props;
  const t = ctx.t;
  const fmt = numberFormat(ctx.locale);
  const days = segments.lapsedAfterDays;
  const labels = Object.fromEntries(segmentKinds.map((k) => [k, t(`engagement:segments.${k}`)]));
  const campaignLabels = {
    subjectEn: t('engagement:campaign.subjectEn'),
    bodyEn: t('engagement:campaign.bodyEn'),
    subjectDa: t('engagement:campaign.subjectDa'),
    bodyDa: t('engagement:campaign.bodyDa'),
  };
  return (
    <StaffLayout ctx={ctx} title={t('engagement:title')}>
      <Notice text={props.notice} />
      <h1 safe>{t('engagement:title')}</h1>
      <p class="lead" safe>
        {t('engagement:intro', { days })}
      </p>
      <h2 safe>{t('engagement:segmentsTitle')}</h2>
      <BarChart
        id="engagement-segments"
        title={t('engagement:chartTitle', { total: fmt(segments.total) })}
        description={t('engagement:chartDescription', { days })}
        bars={segmentKinds.map((k) => ({
          label: labels[k] ?? k,
          value: segments.counts[k],
          suppressed: false as const,
        }))}
        format={fmt}
        suppressedText=""
      />
      <table>
        <caption safe>{t('engagement:tableCaption', { total: fmt(segments.total) })}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('engagement:segment')}
            </th>
            <th scope="col" safe>
              {t('engagement:meaning')}
            </th>
            <th scope="col" safe>
              {t('engagement:people')}
            </th>
          </tr>
        </thead>
        <tbody>
          {segmentKinds.map((k) => (
            <tr>
              <th scope="row" safe>
                {labels[k]}
              </th>
              <td safe>{t(`engagement:meanings.${k}`, { days })}</td>
              <td safe>{fmt(segments.counts[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.settingForm ? (
        <section aria-labelledby="setting-title">
          <h2 id="setting-title" safe>
            {t('engagement:setting.title')}
          </h2>
          <Form ctx={ctx} action="/staff/engagement/settings">
            <TextField
              form={props.settingForm}
              name="lapsedAfterDays"
              type="number"
              label={t('engagement:setting.label')}
              hint={t('engagement:setting.hint')}
              required
            />
            <button type="submit" class="button" safe>
              {t('engagement:setting.save')}
            </button>
          </Form>
        </section>
      ) : (
        ''
      )}
      {props.campaignForm ? (
        <section aria-labelledby="campaign-title">
          <h2 id="campaign-title" safe>
            {t('engagement:campaign.title')}
          </h2>
          <p safe>{t('engagement:campaign.intro', { days })}</p>
          <ErrorSummary ctx={ctx} form={props.campaignForm} labels={campaignLabels} />
          <Form ctx={ctx} action="/staff/engagement/campaigns">
            <TextField
              form={props.campaignForm}
              name="subjectEn"
              label={campaignLabels.subjectEn}
              maxlength={MAX_SUBJECT}
              required
            />
            <TextArea
              form={props.campaignForm}
              name="bodyEn"
              label={campaignLabels.bodyEn}
              hint={t('engagement:campaign.bodyHint')}
              rows={6}
              maxlength={MAX_BODY}
              required
            />
            <TextField
              form={props.campaignForm}
              name="subjectDa"
              label={campaignLabels.subjectDa}
              maxlength={MAX_SUBJECT}
              required
            />
            <TextArea
              form={props.campaignForm}
              name="bodyDa"
              label={campaignLabels.bodyDa}
              hint={t('engagement:campaign.bodyHint')}
              rows={6}
              maxlength={MAX_BODY}
              required
            />
            <button type="submit" class="button" safe>
              {t('engagement:campaign.preview')}
            </button>
          </Form>
        </section>
      ) : (
        ''
      )}
      <h2 safe>{t('engagement:campaigns.title')}</h2>
      <CampaignList ctx={ctx} campaigns={props.campaigns} />
    </StaffLayout>
  );
}
