import { numberFormat } from '../../../ui/charts/index.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { CampaignSummary } from '../get-campaign.js';

/** A date and time in the reader's language. */
export function when(ctx: PageContext, iso: string): string {
  return new Date(iso).toLocaleString(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
}

/** The organization's campaigns in a table: when, what, recipients and who came back. */
export function CampaignList(props: { ctx: PageContext; campaigns: CampaignSummary[] }): JSX.Element {
  const { ctx } = props;
  const t = ctx.t;
  const fmt = numberFormat(ctx.locale);
  if (props.campaigns.length === 0) return <p safe>{t('engagement:campaigns.none')}</p>;
  return (
    <table>
      <caption safe>{t('engagement:campaigns.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t('engagement:campaigns.subject')}
          </th>
          <th scope="col" safe>
            {t('engagement:campaigns.status')}
          </th>
          <th scope="col" safe>
            {t('engagement:report.recipients')}
          </th>
          <th scope="col" safe>
            {t('engagement:report.cameBack')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.campaigns.map(({ campaign, report }) => (
          <tr>
            <td>
              <a href={`/staff/engagement/campaigns/${campaign.id}`} safe>
                {ctx.locale === 'da' ? campaign.subjectDa : campaign.subjectEn}
              </a>
            </td>
            <td safe>
              {campaign.sentAt
                ? t('engagement:campaigns.sentOn', { date: when(ctx, campaign.sentAt) })
                : t('engagement:campaigns.draft')}
            </td>
            <td>{report ? fmt(report.total.recipients) : '–'}</td>
            <td>{report ? fmt(report.total.cameBack) : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
