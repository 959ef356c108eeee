import { ErrorSummary, Form, Notice, SelectField, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { decisions, methods, type Experiment } from '../experiments.table.js';

/** Where an initiative's experiments live for staff. */
export const staffExperimentsPath = (initiativeId: string) =>
  `/staff/initiatives/${encodeURIComponent(initiativeId)}/experiments`;

function Crumbs({ ctx, initiative }: { ctx: PageContext; initiative: Initiative }) {
  return (
    <nav aria-label={ctx.t('ideas:staff.breadcrumbs')}>
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
        {' › '}
        <a href={staffExperimentsPath(initiative.id)} safe>
          {ctx.t('experiments:listShort')}
        </a>
      </p>
    </nav>
  );
}

/** The hypothesis in its sentence, with measure, criterion and method. */
export function Hypothesis({
  ctx,
  experiment: e,
}: {
  ctx: PageContext;
  experiment: Experiment;
}): JSX.Element {
  const t = ctx.t;
  return (
    <dl class="facts">
      <dt safe>{t('experiments:fields.hypothesis')}</dt>
      <dd safe>
        {t('experiments:sentence', {
          weBelieve: e.hypothesis.weBelieve,
          forWhom: e.hypothesis.forWhom,
          willResultIn: e.hypothesis.willResultIn,
        })}
      </dd>
      <dt safe>{t('experiments:fields.measure')}</dt>
      <dd safe>{e.measure}</dd>
      <dt safe>{t('experiments:fields.successCriterion')}</dt>
      <dd safe>{e.successCriterion}</dd>
      <dt safe>{t('experiments:fields.method')}</dt>
      <dd safe>{`${t(`experiments:methods.${e.method}`)}${e.pilotSite ? ` (${e.pilotSite})` : ''}`}</dd>
      <dt safe>{t('experiments:fields.dates')}</dt>
      <dd safe>{`${e.startsOn} – ${e.endsOn}`}</dd>
    </dl>
  );
}

/** A group of checkboxes sent as `name[]` (nothing shown when there is nothing to choose). */
function Choices(props: {
  form: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
}): JSX.Element {
  if (props.options.length === 0) return <></>;
  const chosen = props.form.values[props.name];
  const isChosen = (v: string) => (Array.isArray(chosen) ? chosen.includes(v) : chosen === v);
  const error = props.form.errors[props.name];
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id={`f-${props.name}`}>
      <legend safe>{props.legend}</legend>
      {error ? (
        <p class="field-error" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      {props.options.map((o, i) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`f-${props.name}-${i}`}
            name={`${props.name}[]`}
            value={o.value}
            checked={isChosen(o.value)}
          />
          <label for={`f-${props.name}-${i}`} safe>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** An initiative's experiments, and the form to plan one. */
export function ExperimentsPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  experiments: Experiment[];
  canManage: boolean;
  form: FormState;
  departments: { value: string; label: string }[];
  ideas: { value: string; label: string }[];
  prototypes: { value: string; label: string }[];
}): JSX.Element {
  const { ctx, initiative, form } = props;
  const t = ctx.t;
  const f = (name: string) => t(`experiments:fields.${name}`);
  const labels = Object.fromEntries(
    [
      'title',
      'weBelieve',
      'forWhom',
      'willResultIn',
      'measure',
      'successCriterion',
      'method',
      'pilotSite',
      'startsOn',
      'endsOn',
      'departmentId',
      'ideaIds',
      'prototypeIds',
    ].map((n) => [n, f(n)]),
  );
  const title = t('experiments:listTitle', { title: initiative.title });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} initiative={initiative} />
      <h1 safe>{title}</h1>
      {props.experiments.length === 0 ? (
        <p safe>{t('experiments:none')}</p>
      ) : (
        <ul>
          {props.experiments.map((e) => (
            <li>
              <a href={`${staffExperimentsPath(initiative.id)}/${e.id}`} safe>
                {e.title}
              </a>{' '}
              <span class="muted" safe>
                {e.decision ? t(`experiments:decisions.${e.decision}`) : t('experiments:running')}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.canManage ? (
        <>
          <h2 safe>{t('experiments:newTitle')}</h2>
          <Form ctx={ctx} action={staffExperimentsPath(initiative.id)}>
            <ErrorSummary ctx={ctx} form={form} labels={labels} />
            <TextField form={form} name="title" label={f('title')} required maxlength={200} />
            <TextArea
              form={form}
              name="weBelieve"
              label={f('weBelieve')}
              required
              rows={2}
              maxlength={1000}
            />
            <TextField form={form} name="forWhom" label={f('forWhom')} required maxlength={500} />
            <TextArea
              form={form}
              name="willResultIn"
              label={f('willResultIn')}
              required
              rows={2}
              maxlength={1000}
            />
            <TextArea form={form} name="measure" label={f('measure')} required rows={2} maxlength={1000} />
            <TextArea
              form={form}
              name="successCriterion"
              label={f('successCriterion')}
              required
              rows={2}
              maxlength={1000}
            />
            <SelectField
              form={form}
              name="method"
              label={f('method')}
              options={methods.map((m) => ({ value: m, label: t(`experiments:methods.${m}`) }))}
            />
            <TextField
              form={form}
              name="pilotSite"
              label={f('pilotSite')}
              hint={t('experiments:hints.pilotSite')}
              maxlength={200}
            />
            <TextField form={form} name="startsOn" type="date" label={f('startsOn')} required />
            <TextField form={form} name="endsOn" type="date" label={f('endsOn')} required />
            <SelectField
              form={form}
              name="departmentId"
              label={f('departmentId')}
              options={[{ value: '', label: '—' }, ...props.departments]}
            />
            <Choices form={form} name="ideaIds" legend={f('ideaIds')} options={props.ideas} />
            <Choices form={form} name="prototypeIds" legend={f('prototypeIds')} options={props.prototypes} />
            <button type="submit" class="button primary" safe>
              {t('experiments:actions.plan')}
            </button>
          </Form>
        </>
      ) : (
        ''
      )}
    </StaffLayout>
  );
}

/** One experiment: hypothesis, results form while undecided, and the decision gate. */
export function ExperimentPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  experiment: Experiment;
  canManage: boolean;
  resultsForm: FormState;
  decisionForm: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, experiment: e } = props;
  const t = ctx.t;
  const path = `${staffExperimentsPath(initiative.id)}/${e.id}`;
  const open = props.canManage && !e.decision;
  return (
    <StaffLayout ctx={ctx} title={e.title}>
      <Crumbs ctx={ctx} initiative={initiative} />
      <h1 safe>{e.title}</h1>
      <Notice text={props.notice} />
      <Hypothesis ctx={ctx} experiment={e} />
      <h2 safe>{t('experiments:resultsTitle')}</h2>
      {open ? (
        <Form ctx={ctx} action={`${path}/results`}>
          <ErrorSummary ctx={ctx} form={props.resultsForm} labels={{}} idPrefix="r-" />
          <TextField
            form={props.resultsForm}
            name="usersTested"
            idPrefix="r-"
            type="number"
            label={t('experiments:fields.usersTested')}
            hint={t('experiments:hints.usersTested')}
            required
          />
          <TextField
            form={props.resultsForm}
            name="userSegments"
            idPrefix="r-"
            label={t('experiments:fields.userSegments')}
            maxlength={1000}
          />
          <TextArea
            form={props.resultsForm}
            name="results"
            idPrefix="r-"
            label={t('experiments:fields.results')}
            rows={4}
            maxlength={10000}
          />
          <TextArea
            form={props.resultsForm}
            name="learnings"
            idPrefix="r-"
            label={t('experiments:fields.learnings')}
            rows={4}
            maxlength={10000}
          />
          <button type="submit" class="button secondary" safe>
            {t('experiments:actions.saveResults')}
          </button>
        </Form>
      ) : (
        <dl class="facts">
          <dt safe>{t('experiments:fields.usersTested')}</dt>
          <dd safe>{String(e.usersTested)}</dd>
          <dt safe>{t('experiments:fields.userSegments')}</dt>
          <dd safe>{e.userSegments}</dd>
          <dt safe>{t('experiments:fields.results')}</dt>
          <dd class="prewrap" safe>
            {e.results}
          </dd>
          <dt safe>{t('experiments:fields.learnings')}</dt>
          <dd class="prewrap" safe>
            {e.learnings}
          </dd>
        </dl>
      )}
      <h2 safe>{t('experiments:gateTitle')}</h2>
      {e.decision ? (
        <p
          safe
        >{`${t(`experiments:decisions.${e.decision}`)}${e.decisionReason ? ` — ${e.decisionReason}` : ''}`}</p>
      ) : open ? (
        <Form ctx={ctx} action={`${path}/decision`}>
          <SelectField
            form={props.decisionForm}
            name="decision"
            idPrefix="d-"
            label={t('experiments:fields.decision')}
            options={decisions.map((d) => ({ value: d, label: t(`experiments:decisions.${d}`) }))}
          />
          <TextArea
            form={props.decisionForm}
            name="reason"
            idPrefix="d-"
            label={t('experiments:fields.reason')}
            rows={2}
            maxlength={2000}
          />
          <button type="submit" class="button primary" safe>
            {t('experiments:actions.decide')}
          </button>
        </Form>
      ) : (
        <p safe>{t('experiments:running')}</p>
      )}
    </StaffLayout>
  );
}
