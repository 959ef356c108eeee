import { ErrorSummary, Form, Notice, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import { labelIn } from '../../participants/participants.table.js';
import type { RepresentativenessView } from '../get-representativeness.js';
import { AttributeSection, categoryLabel, fmt, pct } from './attribute-section.js';

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
              idPrefix="import-"
              labels={{
                csv: t('representativeness:csv'),
                source: t('representativeness:sourceLabel'),
                asOf: t('representativeness:asOf'),
              }}
            />
            <TextArea
              form={props.importForm}
              idPrefix="import-"
              name="csv"
              label={t('representativeness:csv')}
              hint={t('representativeness:csvHint')}
              rows={8}
            />
            <TextField
              form={props.importForm}
              idPrefix="import-"
              name="source"
              label={t('representativeness:sourceLabel')}
              required
            />
            <TextField
              form={props.importForm}
              idPrefix="import-"
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
