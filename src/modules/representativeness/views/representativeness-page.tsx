import type { AttributeRepresentativeness } from '../../../analysis/representativeness/index.js';
import { DivergingBarChart, percentFormat, pointsFormat } from '../../../ui/charts/index.js';
import { ErrorSummary, Form, Notice } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import { labelIn, type DemographicAttribute } from '../../participants/participants.table.js';
import type { RepresentativenessView } from '../get-representativeness.js';

function fmt(ctx: PageContext, value: number, digits = 1): string {
  return new Intl.NumberFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
}

function pct(ctx: PageContext, share: number): string {
  return `${fmt(ctx, share * 100)} %`;
}

function quotaText(ctx: PageContext, quota: { count: number; target: number } | undefined): string {
  return quota
    ? ctx.t('representativeness:quotaProgress', { count: quota.count, target: quota.target })
    : '–';
}

function categoryLabel(ctx: PageContext, attribute: DemographicAttribute, id: string): string {
  const c = attribute.categories.find((x) => x.id === id);
  return c ? labelIn(c, ctx.locale) : id;
}

/**
 * This page holds one form per attribute and an import form, all with fields named `source` and
 * `asOf`: with the design system's `f-<name>` ids, every label but the first would point at another
 * form's field. So each form's ids carry a prefix, except in the one form shown again with its
 * errors, whose ids stay `f-<name>` because the error summary links there.
 */
function idPrefixOf(form: FormState, prefix: string): string {
  return Object.keys(form.errors).length > 0 ? '' : `${prefix}-`;
}

/** A text input or text area like the design system's, with its ids under a per-form prefix. */
function Field(props: {
  form: FormState;
  idPrefix: string;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: string;
  rows?: number;
}) {
  const id = `f-${props.idPrefix}${props.name}`;
  const error = props.form.errors[props.name];
  const raw = props.form.values[props.name];
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
  const describedBy = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name: props.name,
    required: props.required,
    'aria-invalid': error ? 'true' : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id} safe>
        {props.label}
      </label>
      {props.hint ? (
        <p class="hint" id={`${id}-hint`} safe>
          {props.hint}
        </p>
      ) : (
        ''
      )}
      {error ? (
        <p class="field-error" id={`${id}-error`} safe>
          {error}
        </p>
      ) : (
        ''
      )}
      {props.rows ? (
        <textarea {...common} rows={String(props.rows)} safe>
          {value}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? 'text'} value={value} />
      )}
    </div>
  );
}

function AttributeSection(props: {
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
  const idPrefix = idPrefixOf(props.form, attribute.id);
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
                  <Field
                    form={props.form}
                    idPrefix={idPrefix}
                    name={`share_${c.id}`}
                    label={t('representativeness:shareOf', { category: labelIn(c, ctx.locale) })}
                  />
                  <Field
                    form={props.form}
                    idPrefix={idPrefix}
                    name={`quota_${c.id}`}
                    label={t('representativeness:quotaOf', { category: labelIn(c, ctx.locale) })}
                  />
                </>
              ))}
            </div>
            <Field
              form={props.form}
              idPrefix={idPrefix}
              name="source"
              label={t('representativeness:sourceLabel')}
              required
            />
            <Field
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

/** The live "who is missing" view of an initiative, with the forms for its target population. */
export function RepresentativenessPage(props: {
  ctx: PageContext;
  view: RepresentativenessView;
  forms: Record<string, FormState>;
  importForm: FormState;
  canManage: boolean;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, view } = props;
  const t = ctx.t;
  const title = t('representativeness:title', { initiative: view.initiative.title });
  const base = `/staff/initiatives/${view.initiative.id}`;
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href={base} safe>
          {view.initiative.title}
        </a>
      </p>
      <Notice text={props.notice} />
      <h1 safe>{title}</h1>
      <form method="get" action={`${base}/representativeness`} class="results-controls">
        <div class="field">
          <label for="f-survey" safe>
            {t('representativeness:compare')}
          </label>
          <select id="f-survey" name="survey">
            <option value="" safe>
              {t('representativeness:participants')}
            </option>
            {view.surveys
              .filter((s) => s.status !== 'draft')
              .map((s) => (
                <option value={s.id} selected={view.survey?.id === s.id} safe>
                  {t('representativeness:respondentsOf', { survey: s.titleEn })}
                </option>
              ))}
          </select>
        </div>
        <div class="field">
          <label for="f-threshold" safe>
            {t('representativeness:threshold')}
          </label>
          <input
            id="f-threshold"
            name="threshold"
            type="number"
            min="0"
            max="50"
            step="0.5"
            value={String(view.threshold * 100)}
          />
        </div>
        <button type="submit" class="button" safe>
          {t('representativeness:show')}
        </button>
      </form>
      <p class="lead" safe>
        {view.result.score === null
          ? t('representativeness:noScore', { n: view.sampleSize })
          : t('representativeness:overall', { score: fmt(ctx, view.result.score, 0), n: view.sampleSize })}
      </p>
      <h2 safe>{t('representativeness:missingTitle')}</h2>
      {view.result.missing.length === 0 ? (
        <p safe>
          {view.populations.length === 0
            ? t('representativeness:enterFirst')
            : t('representativeness:noneMissing')}
        </p>
      ) : (
        <ul class="missing">
          {view.result.missing.map((m) => {
            const attribute = view.attributes.find((a) => a.id === m.attribute);
            const recruitable = view.recruitable?.get(`${m.attribute}:${m.category}`);
            const group = attribute
              ? `${labelIn(attribute, ctx.locale)}: ${categoryLabel(ctx, attribute, m.category)}`
              : m.category;
            return (
              <li>
                <span safe>
                  {t('representativeness:missingItem', {
                    attribute: attribute ? labelIn(attribute, ctx.locale) : m.attribute,
                    category: attribute ? categoryLabel(ctx, attribute, m.category) : m.category,
                    sample: pct(ctx, m.sampleShare),
                    population: pct(ctx, m.populationShare),
                    needed: m.needed ?? '–',
                  })}
                </span>
                {recruitable === undefined || !view.survey ? (
                  ''
                ) : recruitable === 0 ? (
                  <p class="hint" safe>
                    {t('representativeness:nobodyToInvite')}
                  </p>
                ) : (
                  <Form ctx={ctx} action={`${base}/recruit`} class="inline">
                    <input type="hidden" name="surveyId" value={view.survey.id} />
                    <input type="hidden" name="attributeId" value={m.attribute} />
                    <input type="hidden" name="categoryId" value={m.category} />
                    <button type="submit" class="button" safe>
                      {t('representativeness:invite', { count: recruitable, group })}
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {view.attributes.map((attribute) => (
        <AttributeSection
          ctx={ctx}
          attribute={attribute}
          assessed={view.result.attributes.find((a) => a.attribute === attribute.id)}
          view={view}
          form={props.forms[attribute.id] ?? { values: {}, errors: {} }}
          canManage={props.canManage}
        />
      ))}
      {props.canManage ? (
        <section aria-labelledby="import-title">
          <h2 id="import-title" safe>
            {t('representativeness:importTitle')}
          </h2>
          <Form ctx={ctx} action={`${base}/population/import`}>
            <ErrorSummary
              ctx={ctx}
              form={props.importForm}
              labels={{
                csv: t('representativeness:csv'),
                source: t('representativeness:sourceLabel'),
                asOf: t('representativeness:asOf'),
              }}
            />
            <Field
              form={props.importForm}
              idPrefix={idPrefixOf(props.importForm, 'import')}
              name="csv"
              label={t('representativeness:csv')}
              hint={t('representativeness:csvHint')}
              rows={8}
            />
            <Field
              form={props.importForm}
              idPrefix={idPrefixOf(props.importForm, 'import')}
              name="source"
              label={t('representativeness:sourceLabel')}
              required
            />
            <Field
              form={props.importForm}
              idPrefix={idPrefixOf(props.importForm, 'import')}
              name="asOf"
              type="date"
              label={t('representativeness:asOf')}
            />
            <button type="submit" class="button" safe>
              {t('representativeness:import')}
            </button>
          </Form>
        </section>
      ) : (
        ''
      )}
    </StaffLayout>
  );
}
