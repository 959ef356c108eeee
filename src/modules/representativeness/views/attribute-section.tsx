import type { AttributeRepresentativeness } from '../../../analysis/representativeness/index.js';
import { DivergingBarChart, percentFormat, pointsFormat } from '../../../ui/charts/index.js';
import { ErrorSummary, Form, TextField } from '../../../ui/components.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import { labelIn, type DemographicAttribute } from '../../participants/participants.table.js';
import type { RepresentativenessView } from '../get-representativeness.js';

export function fmt(ctx: PageContext, value: number, digits = 1): string {
  return new Intl.NumberFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
}

export function pct(ctx: PageContext, share: number): string {
  return `${fmt(ctx, share * 100)} %`;
}

function quotaText(ctx: PageContext, quota: { count: number; target: number } | undefined): string {
  return quota
    ? ctx.t('representativeness:quotaProgress', { count: quota.count, target: quota.target })
    : '–';
}

export function categoryLabel(ctx: PageContext, attribute: DemographicAttribute, id: string): string {
  const c = attribute.categories.find((x) => x.id === id);
  return c ? labelIn(c, ctx.locale) : id;
}

/** One attribute: its chart, table and tests against the population, and its margin form. */
export function AttributeSection(props: {
  ctx: PageContext;
  attribute: DemographicAttribute;
  assessed: AttributeRepresentativeness | undefined;
  view: RepresentativenessView;
  form: FormState;
  canManage: boolean;
}) {
  const { ctx, attribute, assessed, view } = props;
  const t = ctx.t;
  const population = view.populations.find((p) => p.attributeId === attribute.id);
  const name = labelIn(attribute, ctx.locale);
  const locale = ctx.locale === 'da' ? 'da-DK' : 'en-GB';
  // One margin form per attribute on this page: each form's field ids carry the attribute's id.
  const idPrefix = `${attribute.id}-`;
  return (
    <section class="attribute-representativeness" aria-labelledby={`a-${attribute.id}`}>
      <h2 id={`a-${attribute.id}`} safe>
        {name}
      </h2>
      {population ? (
        <p class="hint" safe>
          {t('representativeness:source', { source: population.source, date: population.asOf ?? '–' })}
        </p>
      ) : (
        <p safe>{t('representativeness:noPopulation')}</p>
      )}
      {assessed && assessed.n > 0 ? (
        <>
          <figure class="chart">
            {DivergingBarChart({
              id: `chart-${attribute.id}`,
              title: t('representativeness:chartTitle', { attribute: name }),
              rows: assessed.categories.map((c) => ({
                label: categoryLabel(ctx, attribute, c.category),
                suppressed: false,
                sample: c.sampleShare,
                population: c.populationShare,
              })),
              sampleLabel: t('representativeness:sample'),
              populationLabel: t('representativeness:population'),
              format: percentFormat(locale),
              formatDifference: pointsFormat(locale, t('representativeness:points')),
              suppressedText: '',
              axisLabels: { under: t('representativeness:under'), over: t('representativeness:over') },
            })}
          </figure>
          <table class="results-table">
            <caption safe>{t('representativeness:tableCaption', { attribute: name, n: assessed.n })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t('representativeness:category')}
                </th>
                <th scope="col" class="num" safe>
                  {t('representativeness:count')}
                </th>
                <th scope="col" class="num" safe>
                  {t('representativeness:sample')}
                </th>
                <th scope="col" class="num" safe>
                  {t('representativeness:population')}
                </th>
                <th scope="col" class="num" safe>
                  {t('representativeness:deviation')}
                </th>
                <th scope="col" safe>
                  {t('representativeness:quota')}
                </th>
              </tr>
            </thead>
            <tbody>
              {assessed.categories.map((c) => (
                <tr>
                  <th scope="row" safe>
                    {categoryLabel(ctx, attribute, c.category)}
                  </th>
                  <td class="num" safe>
                    {String(c.count)}
                  </td>
                  <td class="num" safe>
                    {pct(ctx, c.sampleShare)}
                  </td>
                  <td class="num" safe>
                    {pct(ctx, c.populationShare)}
                  </td>
                  <td class="num" safe>
                    {`${c.deviation >= 0 ? '+' : '−'}${fmt(ctx, Math.abs(c.deviation) * 100)}`}
                  </td>
                  <td safe>{quotaText(ctx, c.quota)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p safe>
            {t('representativeness:summary', {
              delta: assessed.dissimilarity === null ? '–' : pct(ctx, assessed.dissimilarity),
              score: assessed.score === null ? '–' : fmt(ctx, assessed.score, 0),
            })}
          </p>
          {assessed.chiSquare ? (
            <p safe>
              {`${t('representativeness:chiSquare', {
                statistic: fmt(ctx, assessed.chiSquare.statistic, 2),
                df: assessed.chiSquare.degreesOfFreedom,
                p:
                  assessed.chiSquare.pValue < 0.001
                    ? `< ${fmt(ctx, 0.001, 3)}`
                    : fmt(ctx, assessed.chiSquare.pValue, 3),
              })}${assessed.chiSquare.smallExpected ? ` ${t('representativeness:smallExpected')}` : ''}`}
            </p>
          ) : (
            ''
          )}
          {view.unknown[attribute.id] ? (
            <p class="hint" safe>
              {t('representativeness:unknown', { count: view.unknown[attribute.id] })}
            </p>
          ) : (
            ''
          )}
        </>
      ) : population ? (
        <p safe>{t('representativeness:noSample')}</p>
      ) : (
        ''
      )}
      {props.canManage ? (
        <details open={Object.keys(props.form.errors).length > 0 || !population}>
          <summary safe>{t('representativeness:editPopulation', { attribute: name })}</summary>
          <Form ctx={ctx} action={`/staff/initiatives/${view.initiative.id}/population/${attribute.id}`}>
            <ErrorSummary
              ctx={ctx}
              form={props.form}
              idPrefix={idPrefix}
              labels={Object.fromEntries<string>([
                ['source', t('representativeness:sourceLabel')],
                ['asOf', t('representativeness:asOf')],
                ['shares', t('representativeness:shares')],
                ...attribute.categories.flatMap((c): [string, string][] => [
                  [`share_${c.id}`, t('representativeness:shareOf', { category: labelIn(c, ctx.locale) })],
                  [`quota_${c.id}`, t('representativeness:quotaOf', { category: labelIn(c, ctx.locale) })],
                ]),
              ])}
            />
            {props.form.errors.shares ? (
              <p class="field-error" id={`f-${idPrefix}shares`} safe>
                {props.form.errors.shares}
              </p>
            ) : (
              ''
            )}
            <div class="field-row">
              {attribute.categories.map((c) => (
                <>
                  <TextField
                    form={props.form}
                    idPrefix={idPrefix}
                    name={`share_${c.id}`}
                    label={t('representativeness:shareOf', { category: labelIn(c, ctx.locale) })}
                  />
                  <TextField
                    form={props.form}
                    idPrefix={idPrefix}
                    name={`quota_${c.id}`}
                    label={t('representativeness:quotaOf', { category: labelIn(c, ctx.locale) })}
                  />
                </>
              ))}
            </div>
            <TextField
              form={props.form}
              idPrefix={idPrefix}
              name="source"
              label={t('representativeness:sourceLabel')}
              required
            />
            <TextField
              form={props.form}
              idPrefix={idPrefix}
              name="asOf"
              type="date"
              label={t('representativeness:asOf')}
              hint={t('representativeness:asOfHint')}
            />
            <button type="submit" class="button" safe>
              {t('representativeness:savePopulation')}
            </button>
          </Form>
        </details>
      ) : (
        ''
      )}
    </section>
  );
}
