import type { Children } from '@kitajs/html';
import type {
  Guarded,
  KeyedCell,
  MeanEstimate,
  QuestionSummary,
} from '../../../analysis/survey-results/index.js';
import {
  BarChart,
  NpsChart,
  percentFormat,
  StackedBarChart,
  type ChartValue,
} from '../../../ui/charts/index.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import { labelIn } from '../../participants/participants.table.js';
import type { QuestionResult, SurveyResults } from '../get-survey-results.js';
import { localized, PREFER_NOT_TO_SAY, type Question } from '../survey-definition.js';
import { surveyTitle } from './respond-pages.js';

// Results as tables first (readable by screen readers, printable, exact), with the small-cell rule
// visible: a suppressed cell says "fewer than k" and shows no number.

function formatNumber(ctx: PageContext, value: number, digits = 1): string {
  return new Intl.NumberFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(value);
}

function percent(ctx: PageContext, share: number): string {
  return `${formatNumber(ctx, share * 100)} %`;
}

function fewer(ctx: PageContext, k: number): string {
  return ctx.t('surveys:results.fewerThan', { k });
}

function keyLabel(ctx: PageContext, q: Question, key: string): string {
  if (key === PREFER_NOT_TO_SAY) return ctx.t('surveys:respond.preferNotToSay');
  const option = q.options.find((o) => o.id === key);
  return option ? localized(option.label, ctx.locale) : key;
}

function Cell({
  ctx,
  cell,
  k,
}: {
  ctx: PageContext;
  cell: Guarded<{ count: number; share: number }>;
  k: number;
}) {
  if (cell.suppressed)
    return (
      <td colspan="2" class="suppressed" safe>
        {fewer(ctx, k)}
      </td>
    );
  return (
    <>
      <td class="num" safe>
        {formatNumber(ctx, cell.count, 0)}
      </td>
      <td class="num" safe>
        {percent(ctx, cell.share)}
      </td>
    </>
  );
}

function chartValue(cell: Guarded<{ share: number }>): ChartValue {
  return cell.suppressed ? { suppressed: true } : { suppressed: false, value: cell.share };
}

function chartLocale(ctx: PageContext): string {
  return ctx.locale === 'da' ? 'da-DK' : 'en-GB';
}

/** Bars per option (shares), hidden cells drawn without numbers. */
function OptionBars(props: { ctx: PageContext; q: Question; cells: KeyedCell[]; k: number; id: string }) {
  const { ctx } = props;
  return (
    <figure class="chart">
      {BarChart({
        id: props.id,
        title: ctx.t('surveys:results.chartTitle', { code: props.q.code }),
        bars: props.cells.map((cell) => ({ label: keyLabel(ctx, props.q, cell.key), ...chartValue(cell) })),
        format: percentFormat(chartLocale(ctx)),
        suppressedText: fewer(ctx, props.k),
        max: 1,
      })}
    </figure>
  );
}

function OptionTable(props: {
  ctx: PageContext;
  q: Question;
  cells: KeyedCell[];
  caption: string;
  k: number;
  /** The unweighted cells beside weighted ones. */
  plain?: KeyedCell[] | undefined;
}) {
  const { ctx } = props;
  return (
    <table class="results-table">
      <caption safe>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {ctx.t('surveys:results.answer')}
          </th>
          <th scope="col" class="num" safe>
            {ctx.t('surveys:results.count')}
          </th>
          <th scope="col" class="num" safe>
            {props.plain ? ctx.t('surveys:results.weightedShare') : ctx.t('surveys:results.share')}
          </th>
          {props.plain ? (
            <th scope="col" class="num" safe>
              {ctx.t('surveys:results.unweightedShare')}
            </th>
          ) : (
            ''
          )}
        </tr>
      </thead>
      <tbody>
        {props.cells.map((cell, i) => {
          const plain = props.plain?.[i];
          return (
            <tr>
              <th scope="row" safe>
                {keyLabel(ctx, props.q, cell.key)}
              </th>
              <Cell ctx={ctx} cell={cell} k={props.k} />
              {props.plain ? (
                !plain || plain.suppressed ? (
                  <td class="suppressed" safe>
                    {fewer(ctx, props.k)}
                  </td>
                ) : (
                  <td class="num" safe>
                    {percent(ctx, plain.share)}
                  </td>
                )
              ) : (
                ''
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Mean({ ctx, mean, k }: { ctx: PageContext; mean: Guarded<MeanEstimate> | MeanEstimate; k: number }) {
  if ('suppressed' in mean && mean.suppressed)
    return (
      <p class="suppressed" safe>
        {fewer(ctx, k)}
      </p>
    );
  const m = mean;
  return (
    <p safe>
      {m.ci
        ? ctx.t('surveys:results.meanCi', {
            mean: formatNumber(ctx, m.mean, 2),
            lower: formatNumber(ctx, m.ci.lower, 2),
            upper: formatNumber(ctx, m.ci.upper, 2),
            n: m.n,
          })
        : ctx.t('surveys:results.mean', { mean: formatNumber(ctx, m.mean, 2), n: m.n })}
    </p>
  );
}

function cellsOf(s: QuestionSummary | undefined): KeyedCell[] | undefined {
  if (!s || s.suppressed) return undefined;
  if ('options' in s) return s.options;
  if ('values' in s) return s.values;
  if ('buckets' in s) return s.buckets;
  return undefined;
}

function SummaryView({
  ctx,
  q,
  summary,
  k,
  plain,
}: {
  ctx: PageContext;
  q: Question;
  summary: QuestionSummary;
  k: number;
  plain?: QuestionSummary | undefined;
}) {
  const plainCells = plain ? (cellsOf(plain) ?? []) : undefined;
  if (summary.suppressed)
    return (
      <p class="suppressed" safe>
        {ctx.t('surveys:results.suppressedQuestion', { k })}
      </p>
    );
  const caption = ctx.t('surveys:results.caption', { code: q.code, n: summary.respondents });
  const head = (
    <p class="hint" safe>
      {ctx.t('surveys:results.respondents', { n: summary.respondents })}
    </p>
  );
  switch (summary.kind) {
    case 'single_choice':
    case 'multiple_choice':
    case 'demographic':
      return (
        <>
          {head}
          <OptionBars ctx={ctx} q={q} cells={summary.options} k={k} id={`chart-${q.id}`} />
          <OptionTable ctx={ctx} q={q} cells={summary.options} caption={caption} k={k} plain={plainCells} />
          {summary.kind === 'multiple_choice' ? (
            <p class="hint" safe>
              {ctx.t('surveys:results.multipleNote')}
            </p>
          ) : (
            ''
          )}
        </>
      );
    case 'likert':
      return (
        <>
          {head}
          <figure class="chart">
            {StackedBarChart({
              id: `chart-${q.id}`,
              title: ctx.t('surveys:results.chartTitle', { code: q.code }),
              categories: q.options.map((o) => localized(o.label, ctx.locale)),
              rows: [
                {
                  label: ctx.t('surveys:results.everyone'),
                  suppressed: false,
                  cells: summary.options.map(chartValue),
                },
              ],
              format: percentFormat(chartLocale(ctx)),
              suppressedText: fewer(ctx, k),
            })}
          </figure>
          <OptionTable ctx={ctx} q={q} cells={summary.options} caption={caption} k={k} plain={plainCells} />
          <Mean ctx={ctx} mean={summary.mean} k={k} />
        </>
      );
    case 'rating':
      return (
        <>
          {head}
          <OptionBars ctx={ctx} q={q} cells={summary.values} k={k} id={`chart-${q.id}`} />
          <OptionTable ctx={ctx} q={q} cells={summary.values} caption={caption} k={k} plain={plainCells} />
          <Mean ctx={ctx} mean={summary.mean} k={k} />
        </>
      );
    case 'number':
      return (
        <>
          {head}
          <Mean ctx={ctx} mean={summary.mean} k={k} />
        </>
      );
    case 'nps':
      return (
        <>
          {head}
          <figure class="chart">
            {NpsChart({
              id: `chart-${q.id}`,
              title: ctx.t('surveys:results.chartTitle', { code: q.code }),
              scoreLabel: ctx.t('surveys:results.npsLabel'),
              score: summary.score.suppressed
                ? { suppressed: true }
                : { suppressed: false, value: summary.score.rounded },
              formatScore: (score) => String(score),
              labels: [
                ctx.t('surveys:results.detractors'),
                ctx.t('surveys:results.passives'),
                ctx.t('surveys:results.promoters'),
              ],
              cells: [
                chartValue(summary.detractors),
                chartValue(summary.passives),
                chartValue(summary.promoters),
              ],
              format: percentFormat(chartLocale(ctx)),
              suppressedText: fewer(ctx, k),
            })}
          </figure>
          <p safe>
            {summary.score.suppressed
              ? fewer(ctx, k)
              : ctx.t('surveys:results.npsScore', { score: summary.score.rounded })}
          </p>
          <table class="results-table">
            <caption safe>{caption}</caption>
            <tbody>
              {(['promoters', 'passives', 'detractors'] as const).map((group) => (
                <tr>
                  <th scope="row" safe>
                    {ctx.t(`surveys:results.${group}`)}
                  </th>
                  <Cell ctx={ctx} cell={summary[group]} k={k} />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      );
    case 'ranking':
      return (
        <>
          {head}
          <table class="results-table">
            <caption safe>{caption}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {ctx.t('surveys:results.item')}
                </th>
                <th scope="col" class="num" safe>
                  {ctx.t('surveys:results.meanRank')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.items.map((item) => (
                <tr>
                  <th scope="row" safe>
                    {keyLabel(ctx, q, item.key)}
                  </th>
                  {item.suppressed ? (
                    <td class="suppressed" safe>
                      {fewer(ctx, k)}
                    </td>
                  ) : (
                    <td class="num" safe>
                      {formatNumber(ctx, item.meanRank, 2)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      );
    case 'date':
      return (
        <>
          {head}
          <OptionTable ctx={ctx} q={q} cells={summary.buckets} caption={caption} k={k} plain={plainCells} />
        </>
      );
    default:
      return head;
  }
}

function BreakdownView({
  ctx,
  result,
  results,
}: {
  ctx: PageContext;
  result: QuestionResult;
  results: SurveyResults;
}) {
  const table = result.breakdown;
  const attribute = results.breakdownBy;
  if (!table || !attribute) return <></>;
  const q = result.question;
  const categoryLabel = (id: string) =>
    id === ''
      ? ctx.t('surveys:results.unknownSegment')
      : labelIn(attribute.categories.find((c) => c.id === id) ?? { labelEn: id, labelDa: id }, ctx.locale);
  const rows = (s: QuestionSummary): KeyedCell[] | undefined => {
    if (s.suppressed) return undefined;
    if ('options' in s) return s.options;
    if ('values' in s) return s.values;
    if ('buckets' in s) return s.buckets;
    return undefined;
  };
  const overallRows = rows(table.overall);
  if (!overallRows) return <></>;
  return (
    <table class="results-table breakdown">
      <caption safe>
        {ctx.t('surveys:results.breakdownCaption', {
          code: q.code,
          attribute: labelIn(attribute, ctx.locale),
        })}
      </caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {ctx.t('surveys:results.answer')}
          </th>
          {table.segments.map((s) => (
            <th scope="col" class="num" safe>
              {categoryLabel(s.category)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {overallRows.map((row, i) => (
          <tr>
            <th scope="row" safe>
              {keyLabel(ctx, q, row.key)}
            </th>
            {table.segments.map((s) => {
              const cell = rows(s.summary)?.[i];
              return !cell || cell.suppressed ? (
                <td class="suppressed" safe>
                  {fewer(ctx, results.k)}
                </td>
              ) : (
                <td class="num" safe>
                  {percent(ctx, cell.share)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Texts({ ctx, result, k }: { ctx: PageContext; result: QuestionResult; k: number }) {
  const texts = result.texts;
  if (!texts) return <></>;
  if (texts.hidden)
    return (
      <p class="suppressed" safe>
        {ctx.t('surveys:results.textsHidden', { k })}
      </p>
    );
  return (
    <>
      <p class="hint" safe>
        {ctx.t('surveys:results.textsCount', { shown: texts.items.length, total: texts.total })}
      </p>
      <ul class="texts">
        {texts.items.map((text) => (
          <li safe>{text}</li>
        ))}
      </ul>
    </>
  );
}

function Select(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: [string, string][];
  children?: Children;
}) {
  return (
    <div class="field">
      <label for={props.id} safe>
        {props.label}
      </label>
      <select id={props.id} name={props.name}>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value} safe>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function WeightingNote({ ctx, results }: { ctx: PageContext; results: SurveyResults }) {
  const w = results.weighting;
  if (!w) return <></>;
  const t = ctx.t;
  if (!w.ok) {
    const attribute = 'attributeId' in w ? results.attributes.find((a) => a.id === w.attributeId) : undefined;
    const category =
      attribute && 'categoryId' in w ? attribute.categories.find((c) => c.id === w.categoryId) : undefined;
    const key =
      w.reason === 'weighting_error'
        ? `surveys:results.weightingErrors.${w.code}`
        : `surveys:results.weightingErrors.${w.reason}`;
    return (
      <div class="error-summary" role="alert">
        <p safe>
          {t(key, {
            attribute: attribute ? labelIn(attribute, ctx.locale) : '',
            category: category ? labelIn(category, ctx.locale) : '',
            defaultValue: t('surveys:results.weightingErrors.other', {
              code: w.reason === 'weighting_error' ? w.code : w.reason,
            }),
          })}
        </p>
      </div>
    );
  }
  const margins = w.margins
    .map((m) => {
      const attribute = results.attributes.find((a) => a.id === m.attributeId);
      return `${attribute ? labelIn(attribute, ctx.locale) : m.attributeId} (${m.source}${m.asOf ? `, ${m.asOf}` : ''})`;
    })
    .join('; ');
  return (
    <div class="notice" role="status">
      <p safe>{t('surveys:results.weightedTo', { margins })}</p>
      <p safe>
        {t('surveys:results.weightingReport', {
          iterations: w.iterations,
          converged: w.converged ? t('surveys:results.converged') : t('surveys:results.notConverged'),
          deff: formatNumber(ctx, w.summary.deff, 2),
          ess: formatNumber(ctx, w.summary.effectiveSampleSize, 1),
          min: formatNumber(ctx, w.summary.minWeight, 2),
          max: formatNumber(ctx, w.summary.maxWeight, 2),
        })}
      </p>
    </div>
  );
}

/** The results page of a survey. */
export function ResultsPage(props: {
  ctx: PageContext;
  results: SurveyResults;
  query: { filter: string; breakdownBy: string; search: string; weighted: boolean };
  canExport: boolean;
  error?: string | undefined;
}): JSX.Element {
  const { ctx, results } = props;
  const t = ctx.t;
  const survey = results.survey;
  const title = t('surveys:results.title', { title: surveyTitle(survey, ctx.locale) });
  const segmentOptions: [string, string][] = [['', t('surveys:results.everyone')]];
  for (const a of results.attributes) {
    for (const c of a.categories)
      segmentOptions.push([`${a.id}:${c.id}`, `${labelIn(a, ctx.locale)}: ${labelIn(c, ctx.locale)}`]);
    segmentOptions.push([`${a.id}:`, `${labelIn(a, ctx.locale)}: ${t('surveys:results.unknownSegment')}`]);
  }
  const funnelRows = [
    { label: t('surveys:results.allChannels'), funnel: results.funnel.overall },
    ...results.funnel.byChannel.map((c) => ({ label: t(`surveys:channels.${c.key}`), funnel: c.funnel })),
    ...results.modes.map((m) => ({ label: t(`surveys:modes.${m.key}`), funnel: m.funnel })),
  ];
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={`/staff/surveys/${survey.id}`} safe>
          {surveyTitle(survey, ctx.locale)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p class="hint" safe>
        {t('surveys:results.suppressionNote', { k: results.k })}
      </p>
      {props.error ? (
        <div class="error-summary" role="alert" id="error-summary" tabindex="-1">
          <p safe>{props.error}</p>
        </div>
      ) : (
        ''
      )}
      <form method="get" action={`/staff/surveys/${survey.id}/results`} class="results-controls">
        <Select
          id="f-filter"
          name="filter"
          label={t('surveys:results.filter')}
          value={props.query.filter}
          options={segmentOptions}
        />
        <Select
          id="f-breakdownBy"
          name="breakdownBy"
          label={t('surveys:results.breakdownBy')}
          value={props.query.breakdownBy}
          options={[
            ['', t('surveys:results.noBreakdown')],
            ...results.attributes.map((a): [string, string] => [a.id, labelIn(a, ctx.locale)]),
          ]}
        />
        <Select
          id="f-weighted"
          name="weighted"
          label={t('surveys:results.weighting')}
          value={props.query.weighted ? '1' : ''}
          options={[
            ['', t('surveys:results.unweighted')],
            ['1', t('surveys:results.weightedOption')],
          ]}
        />
        <div class="field">
          <label for="f-search" safe>
            {t('surveys:results.search')}
          </label>
          <input id="f-search" name="search" type="search" value={props.query.search} maxlength="200" />
        </div>
        <button type="submit" class="button" safe>
          {t('surveys:results.apply')}
        </button>
      </form>
      <WeightingNote ctx={ctx} results={results} />
      {props.canExport ? (
        <p class="actions">
          <a class="button" href={`/staff/surveys/${survey.id}/export.csv`} safe>
            {t('surveys:results.exportCsv')}
          </a>
          <a class="button" href={`/staff/surveys/${survey.id}/export.xlsx`} safe>
            {t('surveys:results.exportXlsx')}
          </a>
          <a class="button" href={`/staff/surveys/${survey.id}/codebook.csv`} safe>
            {t('surveys:results.codebook')}
          </a>
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t('surveys:results.funnelTitle')}</h2>
      {results.funnel.invitations ? (
        <p safe>
          {results.funnel.invitations.suppressed
            ? t('surveys:results.invitationsSuppressed', { k: results.k })
            : results.funnel.invitations.completed.suppressed
              ? t('surveys:results.invitationsStarted', {
                  invited: results.funnel.invitations.invited ?? 0,
                  started: results.funnel.invitations.started,
                  k: results.k,
                })
              : t('surveys:results.invitations', {
                  invited: results.funnel.invitations.invited ?? 0,
                  started: results.funnel.invitations.started,
                  completed: results.funnel.invitations.completed.count,
                  rate:
                    results.funnel.invitations.completed.responseRate === null
                      ? '–'
                      : percent(ctx, results.funnel.invitations.completed.responseRate),
                })}
        </p>
      ) : (
        ''
      )}
      <table class="results-table">
        <caption safe>{t('surveys:results.funnelCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>
              {t('surveys:results.channel')}
            </th>
            <th scope="col" class="num" safe>
              {t('surveys:results.started')}
            </th>
            <th scope="col" class="num" safe>
              {t('surveys:results.completed')}
            </th>
            <th scope="col" class="num" safe>
              {t('surveys:results.completionRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {funnelRows.map((row) => (
            <tr>
              <th scope="row" safe>
                {row.label}
              </th>
              {row.funnel.suppressed ? (
                <td colspan="3" class="suppressed" safe>
                  {fewer(ctx, results.k)}
                </td>
              ) : row.funnel.completed.suppressed ? (
                <>
                  <td class="num" safe>
                    {formatNumber(ctx, row.funnel.started, 0)}
                  </td>
                  <td colspan="2" class="suppressed" safe>
                    {fewer(ctx, results.k)}
                  </td>
                </>
              ) : (
                <>
                  <td class="num" safe>
                    {formatNumber(ctx, row.funnel.started, 0)}
                  </td>
                  <td class="num" safe>
                    {formatNumber(ctx, row.funnel.completed.count, 0)}
                  </td>
                  <td class="num" safe>
                    {row.funnel.completed.completionRate === null
                      ? '–'
                      : percent(ctx, row.funnel.completed.completionRate)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {results.questions.map((result) => (
        <section class="question-result" aria-labelledby={`r-${result.question.id}`}>
          <h2 id={`r-${result.question.id}`} safe>
            {`${result.question.code}. ${localized(result.question.text, ctx.locale)}`}
          </h2>
          <SummaryView
            ctx={ctx}
            q={result.question}
            summary={result.summary}
            k={results.k}
            plain={result.unweighted}
          />
          <BreakdownView ctx={ctx} result={result} results={results} />
          <Texts ctx={ctx} result={result} k={results.k} />
        </section>
      ))}
    </StaffLayout>
  );
}
