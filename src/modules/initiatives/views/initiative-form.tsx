import { ErrorSummary, Form, RadioGroup, SelectField, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import { formsOfInvolvement, influenceLevels, visibilities } from '../initiatives.table.js';

/** Most phase rows the form can carry (the API allows as many); empty rows are ignored. */
export const PHASE_ROWS = 20;

/** Rows shown: the filled ones plus one empty, at least four. */
function shownPhaseRows(form: FormState): number {
  let last = -1;
  for (let i = 0; i < PHASE_ROWS; i++) if (form.values[`phase_name_${i}`]) last = i;
  return Math.min(PHASE_ROWS, Math.max(4, last + 2));
}

/** Options the planning form needs from the organization. */
export interface PlanOptions {
  staff: { id: string; name: string }[];
  departments: { id: string; name: string }[];
}

function fieldLabels(ctx: PageContext): Record<string, string> {
  const t = ctx.t;
  const labels: Record<string, string> = {};
  for (const f of [
    'title',
    'summary',
    'purpose',
    'objectives',
    'targetGroup',
    'formOfInvolvement',
    'influenceLevel',
    'visibility',
    'feedbackPlan',
    'consentText',
    'responsibleStaffId',
    'departmentIds',
  ]) {
    labels[f] = t(`initiatives:fields.${f}`);
  }
  for (let i = 0; i < PHASE_ROWS; i++) {
    labels[`phase_name_${i}`] = t('initiatives:fields.phaseName', { n: i + 1 });
    labels[`phase_start_${i}`] = t('initiatives:fields.phaseStart', { n: i + 1 });
    labels[`phase_end_${i}`] = t('initiatives:fields.phaseEnd', { n: i + 1 });
  }
  return labels;
}

function DepartmentChoices({
  ctx,
  form,
  departments,
}: {
  ctx: PageContext;
  form: FormState;
  departments: PlanOptions['departments'];
}): JSX.Element {
  if (departments.length === 0) return <></>;
  const chosen = new Set(([] as unknown[]).concat(form.values.departmentIds ?? []).map(String));
  const error = form.errors.departmentIds;
  return (
    <fieldset class={error ? 'field has-error' : 'field'} id="f-departmentIds">
      <legend safe>{ctx.t('initiatives:fields.departmentIds')}</legend>
      {error ? (
        <p class="field-error" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      {departments.map((d, i) => (
        <div class="choice">
          <input
            type="checkbox"
            id={`f-departmentIds-${i}`}
            name="departmentIds[]"
            value={d.id}
            checked={chosen.has(d.id)}
          />
          <label for={`f-departmentIds-${i}`} safe>
            {d.name}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function PhaseRows({ ctx, form }: { ctx: PageContext; form: FormState }): JSX.Element {
  const rows = Array.from({ length: shownPhaseRows(form) }, (_, i) => i);
  return (
    <fieldset class="field">
      <legend safe>{ctx.t('initiatives:fields.phases')}</legend>
      {rows.map((i) => (
        <div class="phase-row">
          <TextField
            form={form}
            name={`phase_name_${i}`}
            label={ctx.t('initiatives:fields.phaseName', { n: i + 1 })}
            maxlength={200}
          />
          <TextField
            form={form}
            name={`phase_start_${i}`}
            type="date"
            label={ctx.t('initiatives:fields.phaseStart', { n: i + 1 })}
          />
          <TextField
            form={form}
            name={`phase_end_${i}`}
            type="date"
            label={ctx.t('initiatives:fields.phaseEnd', { n: i + 1 })}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** The planning form, for a new initiative (`action` to the list) or an existing one. */
export function InitiativeForm(props: {
  ctx: PageContext;
  form: FormState;
  options: PlanOptions;
  action: string;
  heading: string;
  submit: string;
  cancelHref: string;
}): JSX.Element {
  const { ctx, form } = props;
  const t = ctx.t;
  return (
    <StaffLayout ctx={ctx} title={props.heading}>
      <h1 safe>{props.heading}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={fieldLabels(ctx)} />
      <Form ctx={ctx} action={props.action}>
        <TextField form={form} name="title" label={t('initiatives:fields.title')} required maxlength={200} />
        <TextArea
          form={form}
          name="summary"
          label={t('initiatives:fields.summary')}
          hint={t('initiatives:fields.summaryHint')}
          rows={2}
          maxlength={500}
        />
        <RadioGroup
          form={form}
          name="formOfInvolvement"
          label={t('initiatives:fields.formOfInvolvement')}
          required
          options={formsOfInvolvement.map((f) => ({
            value: f,
            label: t(`initiatives:forms.${f}.label`),
            hint: t(`initiatives:forms.${f}.explain`),
          }))}
        />
        <SelectField
          form={form}
          name="influenceLevel"
          label={t('initiatives:fields.influenceLevel')}
          required
          options={influenceLevels.map((l) => ({ value: l, label: t(`initiatives:influence.${l}`) }))}
        />
        <TextArea
          form={form}
          name="purpose"
          label={t('initiatives:fields.purpose')}
          hint={t('initiatives:fields.purposeHint')}
          maxlength={5000}
        />
        <TextArea
          form={form}
          name="objectives"
          label={t('initiatives:fields.objectives')}
          hint={t('initiatives:fields.objectivesHint')}
          maxlength={10000}
        />
        <TextArea
          form={form}
          name="targetGroup"
          label={t('initiatives:fields.targetGroup')}
          hint={t('initiatives:fields.targetGroupHint')}
          maxlength={2000}
        />
        <TextArea
          form={form}
          name="feedbackPlan"
          label={t('initiatives:fields.feedbackPlan')}
          hint={t('initiatives:fields.feedbackPlanHint')}
          maxlength={5000}
        />
        <TextArea
          form={form}
          name="consentText"
          label={t('initiatives:fields.consentText')}
          hint={t('initiatives:fields.consentTextHint')}
          rows={5}
          maxlength={10000}
        />
        <RadioGroup
          form={form}
          name="visibility"
          label={t('initiatives:fields.visibility')}
          options={visibilities.map((v) => ({ value: v, label: t(`initiatives:visibility.${v}`) }))}
        />
        <SelectField
          form={form}
          name="responsibleStaffId"
          label={t('initiatives:fields.responsibleStaffId')}
          options={[
            { value: '', label: t('initiatives:fields.nobody') },
            ...props.options.staff.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
        <DepartmentChoices ctx={ctx} form={form} departments={props.options.departments} />
        <PhaseRows ctx={ctx} form={form} />
        <div class="actions">
          <button type="submit" class="button primary" safe>
            {props.submit}
          </button>
          <a href={props.cancelHref} safe>
            {t('form.cancel')}
          </a>
        </div>
      </Form>
    </StaffLayout>
  );
}
