import type { Children } from '@kitajs/html';
import type { FormState, PageContext } from './page-context.js';

// The design system: every control has a label, hints and errors are tied to it with
// aria-describedby, and an error summary at the top of a form links to each field.

/** Hidden CSRF field for every state-changing form. */
export function CsrfField({ ctx }: { ctx: PageContext }): JSX.Element {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** The list of problems at the top of a form, focused by the browser as an alert. */
export function ErrorSummary({
  ctx,
  form,
  labels,
  idPrefix = '',
}: {
  ctx: PageContext;
  form: FormState;
  labels: Record<string, string>;
  /** The prefix of the form's field ids (see `FieldProps.idPrefix`). */
  idPrefix?: string;
}): JSX.Element {
  const entries = Object.entries(form.errors);
  if (entries.length === 0) return <></>;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex="-1"
      id="error-summary"
    >
      <h2 id="error-summary-title" safe>
        {ctx.t('form.errorSummary')}
      </h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${idPrefix}${field}`} safe>
              {`${labels[field] ?? field}: ${message}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function describedBy(name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `f-${name}-hint` : '', error ? `f-${name}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldMessages({
  name,
  hint,
  error,
}: {
  name: string;
  hint?: string | undefined;
  error?: string | undefined;
}): JSX.Element {
  return (
    <>
      {hint ? (
        <p class="hint" id={`f-${name}-hint`} safe>
          {hint}
        </p>
      ) : (
        ''
      )}
      {error ? (
        <p class="field-error" id={`f-${name}-error`} safe>
          {error}
        </p>
      ) : (
        ''
      )}
    </>
  );
}

function valueOf(form: FormState, name: string): string {
  const v = form.values[name];
  if (v === undefined || v === null) return '';
  if (Array.isArray(v)) return v.map((x) => String(x)).join('\n');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

interface FieldProps {
  form: FormState;
  name: string;
  /**
   * Prepended to the field's ids (`f-<prefix><name>`) when a page holds several forms with the same
   * field names, so each label points at its own form's field; pass the same prefix to ErrorSummary.
   */
  idPrefix?: string | undefined;
  label: string;
  hint?: string | undefined;
  required?: boolean;
}

/** The field's id without the `f-` (its prefix and name). */
function idBase(props: FieldProps): string {
  return `${props.idPrefix ?? ''}${props.name}`;
}

/** A single-line text input. */
export function TextField(
  props: FieldProps & { type?: string; autocomplete?: string; maxlength?: number },
): JSX.Element {
  const error = props.form.errors[props.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${idBase(props)}`} safe>
        {props.label}
      </label>
      <FieldMessages name={idBase(props)} hint={props.hint} error={error} />
      <input
        id={`f-${idBase(props)}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={valueOf(props.form, props.name)}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(idBase(props), props.hint, error)}
        autocomplete={props.autocomplete}
        maxlength={props.maxlength}
      />
    </div>
  );
}

/** A multi-line text input. */
export function TextArea(props: FieldProps & { rows?: number; maxlength?: number }): JSX.Element {
  const error = props.form.errors[props.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${idBase(props)}`} safe>
        {props.label}
      </label>
      <FieldMessages name={idBase(props)} hint={props.hint} error={error} />
      <textarea
        id={`f-${idBase(props)}`}
        name={props.name}
        rows={String(props.rows ?? 4)}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(idBase(props), props.hint, error)}
        maxlength={props.maxlength}
        safe
      >
        {valueOf(props.form, props.name)}
      </textarea>
    </div>
  );
}

/** A drop-down list. */
export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[] },
): JSX.Element {
  const error = props.form.errors[props.name];
  const current = valueOf(props.form, props.name);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={`f-${idBase(props)}`} safe>
        {props.label}
      </label>
      <FieldMessages name={idBase(props)} hint={props.hint} error={error} />
      <select
        id={`f-${idBase(props)}`}
        name={props.name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(idBase(props), props.hint, error)}
      >
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current} safe>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroup(
  props: FieldProps & { options: { value: string; label: string; hint?: string }[] },
): JSX.Element {
  const error = props.form.errors[props.name];
  const current = valueOf(props.form, props.name);
  return (
    <fieldset
      class={error ? 'field has-error' : 'field'}
      id={`f-${idBase(props)}`}
      aria-describedby={describedBy(idBase(props), props.hint, error)}
    >
      <legend safe>{props.label}</legend>
      <FieldMessages name={idBase(props)} hint={props.hint} error={error} />
      {props.options.map((o, i) => (
        <div class="choice">
          <input
            type="radio"
            id={`f-${idBase(props)}-${i}`}
            name={props.name}
            value={o.value}
            checked={o.value === current}
            aria-describedby={o.hint ? `f-${idBase(props)}-${i}-hint` : undefined}
          />
          <label for={`f-${idBase(props)}-${i}`} safe>
            {o.label}
          </label>
          {o.hint ? (
            <p class="hint" id={`f-${idBase(props)}-${i}-hint`} safe>
              {o.hint}
            </p>
          ) : (
            ''
          )}
        </div>
      ))}
    </fieldset>
  );
}

/** A single checkbox with its label. */
export function CheckboxField(props: FieldProps & { value?: string }): JSX.Element {
  const error = props.form.errors[props.name];
  const v = props.form.values[props.name];
  const checked = v === true || v === 'on' || v === 'true' || v === '1' || v === 1;
  return (
    <div class={error ? 'field choice has-error' : 'field choice'}>
      <FieldMessages name={idBase(props)} hint={props.hint} error={error} />
      <input
        type="checkbox"
        id={`f-${idBase(props)}`}
        name={props.name}
        value={props.value ?? 'true'}
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(idBase(props), props.hint, error)}
      />
      <label for={`f-${idBase(props)}`} safe>
        {props.label}
      </label>
    </div>
  );
}

/** A POST form with its CSRF field; `confirm` forms are small one-button actions. */
export function Form(props: {
  ctx: PageContext;
  action: string;
  children?: Children;
  class?: string;
  novalidate?: boolean;
}): JSX.Element {
  const { children } = props;
  return (
    <form method="post" action={props.action} class={props.class} novalidate={props.novalidate ?? true}>
      <CsrfField ctx={props.ctx} />
      {children}
    </form>
  );
}

/** A one-button POST form (open, close, sign out …). */
export function ActionButton(props: {
  ctx: PageContext;
  action: string;
  label: string;
  kind?: 'primary' | 'secondary' | 'danger';
}): JSX.Element {
  return (
    <form method="post" action={props.action} class="inline">
      <CsrfField ctx={props.ctx} />
      <button type="submit" class={`button ${props.kind ?? 'secondary'}`} safe>
        {props.label}
      </button>
    </form>
  );
}

/** A status message after an action (e.g. "Saved"). */
export function Notice({ text }: { text: string | undefined }): JSX.Element {
  if (!text) return <></>;
  return (
    <div class="notice" role="status" safe>
      {text}
    </div>
  );
}
