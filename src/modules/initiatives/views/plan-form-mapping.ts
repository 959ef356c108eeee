import type { FieldError } from '../../../platform/errors.js';
import { formToInput } from '../../../platform/validation.js';
import type { Initiative } from '../initiatives.table.js';
import { PHASE_ROWS } from './initiative-form.js';

/** Turns the planning form's flat fields into the plan input (objectives by line, phase rows). */
export function formToPlan(body: unknown): Record<string, unknown> {
  const raw = formToInput(body);
  const plan: Record<string, unknown> = {};
  const phases: Record<string, unknown>[] = [];
  for (let i = 0; i < PHASE_ROWS; i++) {
    const name = raw[`phase_name_${i}`];
    const startsOn = raw[`phase_start_${i}`];
    const endsOn = raw[`phase_end_${i}`];
    delete raw[`phase_name_${i}`];
    delete raw[`phase_start_${i}`];
    delete raw[`phase_end_${i}`];
    if (name === undefined && startsOn === undefined && endsOn === undefined) continue;
    phases.push({
      name: name ?? '',
      ...(startsOn !== undefined ? { startsOn } : {}),
      ...(endsOn !== undefined ? { endsOn } : {}),
    });
  }
  for (const [key, value] of Object.entries(raw)) plan[key] = value;
  plan.objectives =
    typeof raw.objectives === 'string'
      ? raw.objectives
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean)
      : [];
  plan.departmentIds = Array.isArray(raw.departmentIds)
    ? raw.departmentIds
    : raw.departmentIds
      ? [raw.departmentIds]
      : [];
  plan.phases = phases;
  return plan;
}

/** Maps errors on plan paths back to the form's field names. */
export function planErrorsToFormFields(fields: FieldError[], body: unknown): FieldError[] {
  // Phase rows that were skipped as empty shift indexes, so map by the rows actually sent.
  const raw = formToInput(body);
  const sentRows: number[] = [];
  for (let i = 0; i < PHASE_ROWS; i++) {
    if (
      raw[`phase_name_${i}`] !== undefined ||
      raw[`phase_start_${i}`] !== undefined ||
      raw[`phase_end_${i}`] !== undefined
    )
      sentRows.push(i);
  }
  return fields.map((f) => {
    const phase = /^phases\.(\d+)\.(name|startsOn|endsOn)$/.exec(f.field);
    if (phase) {
      const row = sentRows[Number(phase[1])] ?? 0;
      const part = phase[2] === 'name' ? 'name' : phase[2] === 'startsOn' ? 'start' : 'end';
      return { ...f, field: `phase_${part}_${row}` };
    }
    if (f.field.startsWith('objectives.')) return { ...f, field: 'objectives' };
    if (f.field.startsWith('departmentIds.')) return { ...f, field: 'departmentIds' };
    return f;
  });
}

/** The form's values for an existing plan. */
export function planToFormValues(initiative: Initiative): Record<string, unknown> {
  const values: Record<string, unknown> = {
    title: initiative.title,
    summary: initiative.summary,
    purpose: initiative.purpose,
    objectives: initiative.objectives.join('\n'),
    targetGroup: initiative.targetGroup,
    formOfInvolvement: initiative.formOfInvolvement,
    influenceLevel: initiative.influenceLevel,
    visibility: initiative.visibility,
    feedbackPlan: initiative.feedbackPlan,
    consentText: initiative.consent?.body ?? '',
    responsibleStaffId: initiative.responsibleStaffId ?? '',
    departmentIds: initiative.departmentIds,
  };
  initiative.phases.slice(0, PHASE_ROWS).forEach((p, i) => {
    values[`phase_name_${i}`] = p.name;
    values[`phase_start_${i}`] = p.startsOn ?? '';
    values[`phase_end_${i}`] = p.endsOn ?? '';
  });
  return values;
}

/** The form's values for a body that was sent (to show it again with errors). */
export function sentFormValues(body: unknown): Record<string, unknown> {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: Record<string, unknown> = { ...raw };
  if (raw['departmentIds[]'] !== undefined)
    values.departmentIds = ([] as unknown[]).concat(raw['departmentIds[]']);
  return values;
}
