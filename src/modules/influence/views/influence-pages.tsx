import type { TokenRiskThresholds } from '../../../analysis/influence/index.js';
import { BarChart, percentFormat } from '../../../ui/charts/index.js';
import { ErrorSummary, Form, Notice, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { InitiativeInfluence, OrganizationInfluence } from '../get-influence.js';
import { InfluenceHelp, MetricsFigures, TokenRiskFlag, shareText, wholeDays } from './influence-parts.js';

/** The organization's influence dashboard: combined figures, each initiative's flag, the thresholds form. */
export function OrganizationInfluencePage(props: {
  ctx: PageContext;
  view: OrganizationInfluence;
  form: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, view } = props;
  const t = ctx.t;
  const limits = { closedDays: view.thresholds.closedDays, percent: view.thresholds.responseSharePercent };
  const flagged = view.initiatives.filter((i) => i.metrics.tokenRisk);
  return (
    <StaffLayout ctx={ctx} title={t('influence:title')}>
      <Notice text={props.notice} />
      <h1 safe>{t('influence:title')}</h1>
      <p class="lead" safe>
        {t('influence:intro')}
      </p>
      {flagged.length > 0 ? (
        <section class="token-risk raised" aria-labelledby="token-risk-title">
          <h2 id="token-risk-title" safe>
            {t('influence:flag.organizationRaised', { count: flagged.length })}
          </h2>
          <ul>
            {flagged.map((i) => (
              <li>
                <a href={`/staff/initiatives/${i.initiative.id}/influence`} safe>
                  {i.initiative.title}
                </a>
                {': '}
                <span safe>
                  {t('influence:flag.raised', {
                    days: wholeDays(i.metrics.daysSinceClosed ?? 0),
                    share: shareText(ctx, i.metrics.reviewedShare),
                  })}
                </span>
              </li>
            ))}
          </ul>
          <p safe>{t('influence:flag.explanation', limits)}</p>
        </section>
      ) : (
        <p class="token-risk" safe>
          {t('influence:flag.organizationClear')}
        </p>
      )}
      <h2 safe>{t('influence:organizationFigures')}</h2>
      <MetricsFigures ctx={ctx} metrics={view.metrics} id="org" />
      <InitiativesSection ctx={ctx} view={view} />
      <InfluenceHelp ctx={ctx} thresholds={view.thresholds} />
      {view.canConfigure ? (
        <ThresholdsForm ctx={ctx} form={props.form} />
      ) : (
        <p class="hint" safe>
          {t('influence:settings.current', limits)}
        </p>
      )}
    </StaffLayout>
  );
}

function InitiativesSection(props: { ctx: PageContext; view: OrganizationInfluence }): JSX.Element {
  const { ctx, view } = props;
  const t = ctx.t;
  if (view.initiatives.length === 0) return <p safe>{t('influence:noInitiatives')}</p>;
  const pct = percentFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB');
  return (
    <section aria-labelledby="influence-initiatives">
      <h2 id="influence-initiatives" safe>
        {t('influence:initiatives')}
      </h2>
      <figure class="chart influence-chart">
        <figcaption safe>{t('influence:chart.perInitiative')}</figcaption>
        {BarChart({
          id: 'per-initiative',
          title: t('influence:chart.perInitiative'),
          description: t('influence:chart.perInitiativeDesc', {
            percent: view.thresholds.responseSharePercent,
          }),
          bars: view.initiatives.map((i) =>
            i.metrics.reviewedShare === null
              ? { label: i.initiative.title, suppressed: true as const }
              : { label: i.initiative.title, suppressed: false as const, value: i.metrics.reviewedShare },
          ),
          format: pct,
          suppressedText: t('influence:value.noInput'),
          max: 1,
        })}
      </figure>
      <table class="results-table influence-initiatives">
        <caption safe>{t('influence:table.initiativesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('influence:table.initiative')}
            </th>
            <th scope="col" safe>
              {t('influence:table.status')}
            </th>
            <th scope="col" safe>
              {t('influence:table.closedAgo')}
            </th>
            <th scope="col" class="num" safe>
              {t('influence:metric.inputs')}
            </th>
            <th scope="col" class="num" safe>
              {t('influence:metric.reviewed')}
            </th>
            <th scope="col" class="num" safe>
              {t('influence:metric.linked')}
            </th>
            <th scope="col" class="num" safe>
              {t('influence:metric.informed')}
            </th>
            <th scope="col" safe>
              {t('influence:metric.flag')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.initiatives.map((i) => (
            <tr class={i.metrics.tokenRisk ? 'flagged' : undefined}>
              <th scope="row">
                <a href={`/staff/initiatives/${i.initiative.id}/influence`} safe>
                  {i.initiative.title}
                </a>
              </th>
              <td safe>{t(`initiatives:status.${i.initiative.status}`)}</td>
              <td safe>
                {i.metrics.daysSinceClosed === null
                  ? t('influence:table.notClosed')
                  : t('influence:table.closedDaysAgo', { days: wholeDays(i.metrics.daysSinceClosed) })}
              </td>
              <td class="num" safe>
                {String(i.metrics.inputs)}
              </td>
              <td class="num" safe>
                {shareText(ctx, i.metrics.reviewedShare)}
              </td>
              <td class="num" safe>
                {shareText(ctx, i.metrics.linkedShare)}
              </td>
              <td class="num" safe>
                {shareText(ctx, i.metrics.informedShare)}
              </td>
              <td safe>{i.metrics.tokenRisk ? t('influence:value.yes') : t('influence:value.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ThresholdsForm(props: { ctx: PageContext; form: FormState }): JSX.Element {
  const { ctx, form } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="influence-settings">
      <h2 id="influence-settings" safe>
        {t('influence:settings.title')}
      </h2>
      <p safe>{t('influence:settings.intro')}</p>
      <Form ctx={ctx} action="/staff/influence/settings">
        <ErrorSummary
          ctx={ctx}
          form={form}
          labels={{
            closedDays: t('influence:settings.closedDays'),
            responseSharePercent: t('influence:settings.responseSharePercent'),
          }}
        />
        <TextField
          form={form}
          name="closedDays"
          type="number"
          label={t('influence:settings.closedDays')}
          hint={t('influence:settings.closedDaysHint')}
          required
        />
        <TextField
          form={form}
          name="responseSharePercent"
          type="number"
          label={t('influence:settings.responseSharePercent')}
          hint={t('influence:settings.responseSharePercentHint')}
          required
        />
        <button type="submit" class="button" safe>
          {t('influence:settings.save')}
        </button>
      </Form>
    </section>
  );
}

/** One initiative's influence figures and token-risk flag. */
export function InitiativeInfluencePage(props: {
  ctx: PageContext;
  view: InitiativeInfluence & { thresholds: TokenRiskThresholds };
}): JSX.Element {
  const { ctx, view } = props;
  const t = ctx.t;
  const title = t('influence:initiativeTitle', { initiative: view.initiative.title });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`/staff/initiatives/${view.initiative.id}`} safe>
          {view.initiative.title}
        </a>
        {' · '}
        <a href="/staff/influence" safe>
          {t('influence:backToOrganization')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <TokenRiskFlag ctx={ctx} metrics={view.metrics} thresholds={view.thresholds} />
      <h2 safe>{t('influence:initiativeFigures')}</h2>
      <MetricsFigures ctx={ctx} metrics={view.metrics} id="initiative" />
      <InfluenceHelp ctx={ctx} thresholds={view.thresholds} />
    </StaffLayout>
  );
}
