import type { InfluenceMetrics, TokenRiskThresholds } from '../../../analysis/influence/index.js';
import { BarChart, numberFormat, percentFormat } from '../../../ui/charts/index.js';
import type { PageContext } from '../../../ui/page-context.js';

// The pieces both influence pages share: the flag, the charts with their table, and the help text.

function locale(ctx: PageContext): string {
  return ctx.locale === 'da' ? 'da-DK' : 'en-GB';
}

/** A share as a percentage, or a dash when there is nothing to divide by. */
export function shareText(ctx: PageContext, share: number | null): string {
  return share === null ? ctx.t('influence:value.none') : percentFormat(locale(ctx))(share);
}

/** Whole days since a date (floor), for sentences. */
export function wholeDays(days: number): number {
  return Math.floor(days);
}

function daysText(ctx: PageContext, days: number | null): string {
  return days === null
    ? ctx.t('influence:value.none')
    : ctx.t('influence:value.days', { days: numberFormat(locale(ctx), 1)(days) });
}

/** The token-risk flag of one initiative, prominent when raised, with why it is or is not. */
export function TokenRiskFlag(props: {
  ctx: PageContext;
  metrics: InfluenceMetrics;
  thresholds: TokenRiskThresholds;
}): JSX.Element {
  const { ctx, metrics: m, thresholds } = props;
  const t = ctx.t;
  const limits = { closedDays: thresholds.closedDays, percent: thresholds.responseSharePercent };
  if (m.tokenRisk) {
    return (
      <section class="token-risk raised" aria-labelledby="token-risk-title">
        <h2 id="token-risk-title" safe>
          {`${t('influence:metric.flag')}: ${t('influence:value.yes')}`}
        </h2>
        <p class="lead" safe>
          {t('influence:flag.raised', {
            days: wholeDays(m.daysSinceClosed ?? 0),
            share: shareText(ctx, m.reviewedShare),
          })}
        </p>
        <p safe>{t('influence:flag.explanation', limits)}</p>
      </section>
    );
  }
  const reason =
    m.daysSinceClosed === null
      ? t('influence:flag.reasonOpen')
      : m.reviewedShare === null
        ? t('influence:flag.reasonNoInput')
        : m.daysSinceClosed <= thresholds.closedDays
          ? t('influence:flag.reasonRecent', { days: wholeDays(m.daysSinceClosed), ...limits })
          : t('influence:flag.reasonAnswered', { share: shareText(ctx, m.reviewedShare), ...limits });
  return (
    <section class="token-risk" aria-labelledby="token-risk-title">
      <h2 id="token-risk-title" safe>
        {`${t('influence:metric.flag')}: ${t('influence:value.no')}`}
      </h2>
      <p safe>{t('influence:flag.clear', { reason })}</p>
      <p class="hint" safe>
        {t('influence:flag.explanation', limits)}
      </p>
    </section>
  );
}

/** The metrics as two SVG charts and the table that says the same in numbers. */
export function MetricsFigures(props: {
  ctx: PageContext;
  metrics: InfluenceMetrics;
  id: string;
}): JSX.Element {
  const { ctx, metrics: m } = props;
  const t = ctx.t;
  const noInput = t('influence:value.noInput');
  const share = (label: string, value: number | null) =>
    value === null ? { label, suppressed: true as const } : { label, suppressed: false as const, value };
  const countOf = (count: number, total: number) => t('influence:value.countOf', { count, total });
  const rows: [string, string, string][] = [
    [t('influence:metric.inputs'), String(m.inputs), ''],
    [t('influence:metric.reviewed'), countOf(m.reviewed, m.inputs), shareText(ctx, m.reviewedShare)],
    [t('influence:metric.linked'), countOf(m.linked, m.inputs), shareText(ctx, m.linkedShare)],
    [t('influence:metric.informed'), countOf(m.informed, m.contributors), shareText(ctx, m.informedShare)],
    [t('influence:metric.median'), daysText(ctx, m.medianDaysToFeedback), ''],
    [t('influence:metric.withFeedback'), String(m.withFeedback), ''],
    [t('influence:metric.decisionsWith'), String(m.decisionsWithInput), ''],
    [t('influence:metric.decisionsWithout'), String(m.decisionsWithoutInput), ''],
  ];
  return (
    <>
      <div class="influence-charts">
        <figure class="chart">
          <figcaption safe>{t('influence:chart.shares')}</figcaption>
          {BarChart({
            id: `${props.id}-shares`,
            title: t('influence:chart.shares'),
            description: t('influence:chart.sharesDesc'),
            bars: [
              share(t('influence:metric.reviewed'), m.reviewedShare),
              share(t('influence:metric.linked'), m.linkedShare),
              share(t('influence:metric.informed'), m.informedShare),
            ],
            format: percentFormat(locale(ctx)),
            suppressedText: noInput,
            max: 1,
          })}
        </figure>
        <figure class="chart">
          <figcaption safe>{t('influence:chart.decisions')}</figcaption>
          {BarChart({
            id: `${props.id}-decisions`,
            title: t('influence:chart.decisions'),
            description: t('influence:chart.decisionsDesc'),
            bars: [
              { label: t('influence:metric.decisionsWith'), suppressed: false, value: m.decisionsWithInput },
              {
                label: t('influence:metric.decisionsWithout'),
                suppressed: false,
                value: m.decisionsWithoutInput,
              },
            ],
            format: numberFormat(locale(ctx)),
            suppressedText: noInput,
          })}
        </figure>
      </div>
      <table class="results-table influence-table">
        <caption safe>{t('influence:table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('influence:table.metric')}
            </th>
            <th scope="col" class="num" safe>
              {t('influence:table.value')}
            </th>
            <th scope="col" class="num" safe>
              {t('influence:table.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, pct]) => (
            <tr>
              <th scope="row" safe>
                {label}
              </th>
              <td class="num" safe>
                {value}
              </td>
              <td class="num" safe>
                {pct}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** What each figure means, in the same words as the analysis module's definitions. */
export function InfluenceHelp(props: { ctx: PageContext; thresholds: TokenRiskThresholds }): JSX.Element {
  const t = props.ctx.t;
  const limits = { closedDays: props.thresholds.closedDays, percent: props.thresholds.responseSharePercent };
  return (
    <section aria-labelledby="influence-help" class="influence-help">
      <h2 id="influence-help" safe>
        {t('influence:help.title')}
      </h2>
      <ul>
        <li safe>{t('influence:help.inputs')}</li>
        <li safe>{t('influence:help.reviewed')}</li>
        <li safe>{t('influence:help.linked')}</li>
        <li safe>{t('influence:help.informed')}</li>
        <li safe>{t('influence:help.median')}</li>
        <li safe>{t('influence:help.decisions')}</li>
        <li safe>{t('influence:help.flag', limits)}</li>
      </ul>
    </section>
  );
}
