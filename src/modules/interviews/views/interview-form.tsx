import {
  CsrfField,
  ErrorSummary,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { MAX_NOTES, MAX_QUOTES, MAX_TRANSCRIPT } from '../interview-input.js';
import { interviewMethods } from '../interviews.table.js';
import { shownRows } from './form-mapping.js';
import { Breadcrumbs } from './parts.js';

/** The choices the form offers. */
export interface FormChoices {
  staff: { id: string; name: string }[];
  participants: { id: string; pseudonym: string }[];
}

function labels(ctx: PageContext, form: FormState): Record<string, string> {
  const t = ctx.t;
  const out: Record<string, string> = {};
  for (const f of [
    'heldOn',
    'method',
    'interviewerId',
    'place',
    'participantId',
    'notes',
    'quotes',
    'transcript',
  ])
    out[f] = t(`interviews:fields.${f}`);
  for (let i = 0; i < shownRows(form.values, 'notes', 3, MAX_NOTES); i++) {
    out[`notes.${i}.heading`] = t('interviews:fields.noteHeadingN', { n: i + 1 });
    out[`notes.${i}.text`] = t('interviews:fields.noteTextN', { n: i + 1 });
  }
  for (let i = 0; i < shownRows(form.values, 'quotes', 2, MAX_QUOTES); i++)
    out[`quotes.${i}.text`] = t('interviews:fields.quoteN', { n: i + 1 });
  return out;
}

function Hidden({ form, name }: { form: FormState; name: string }): JSX.Element {
  const v = form.values[name];
  return typeof v === 'string' && v ? <input type="hidden" name={name} value={v} /> : <></>;
}

function FileField({ ctx, form }: { ctx: PageContext; form: FormState }): JSX.Element {
  return (
    <div class="field">
      <label for="f-transcriptFile" safe>
        {ctx.t('interviews:fields.transcriptFile')}
      </label>
      <p class="hint" id="f-transcriptFile-hint" safe>
        {ctx.t('interviews:fields.transcriptFileHint')}
      </p>
      <input
        type="file"
        id="f-transcriptFile"
        name="transcriptFile"
        accept=".vtt,.txt,text/vtt,text/plain"
        aria-describedby="f-transcriptFile-hint"
        aria-invalid={form.errors.transcript ? 'true' : undefined}
      />
    </div>
  );
}

function ListError({ form, name }: { form: FormState; name: string }): JSX.Element {
  const error = form.errors[name];
  return error ? (
    <p class="field-error" id={`f-${name}-error`} safe>
      {error}
    </p>
  ) : (
    <></>
  );
}

/** The form to record or edit an interview, observation, focus group or workshop note. */
export function InterviewFormPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  form: FormState;
  choices: FormChoices;
  action: string;
  heading: string;
  submit: string;
  cancelHref: string;
}): JSX.Element {
  const { ctx, form, choices } = props;
  const t = ctx.t;
  const noteRows = shownRows(form.values, 'notes', 3, MAX_NOTES);
  const quoteRows = shownRows(form.values, 'quotes', 2, MAX_QUOTES);
  return (
    <StaffLayout ctx={ctx} title={props.heading}>
      <Breadcrumbs ctx={ctx} initiative={props.initiative} toList />
      <h1 safe>{props.heading}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels(ctx, form)} />
      <form method="post" action={props.action} enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class="field">
          <legend safe>{t('interviews:staff.aboutSession')}</legend>
          <RadioGroup
            form={form}
            name="method"
            label={t('interviews:fields.method')}
            required
            options={interviewMethods.map((m) => ({
              value: m,
              label: t(`interviews:methods.${m}`),
              hint: t(`interviews:methodHints.${m}`),
            }))}
          />
          <TextField form={form} name="heldOn" type="date" label={t('interviews:fields.heldOn')} required />
          <SelectField
            form={form}
            name="interviewerId"
            label={t('interviews:fields.interviewerId')}
            options={choices.staff.map((s) => ({ value: s.id, label: s.name }))}
          />
          <TextField
            form={form}
            name="place"
            label={t('interviews:fields.place')}
            hint={t('interviews:fields.placeHint')}
            maxlength={200}
          />
          <SelectField
            form={form}
            name="participantId"
            label={t('interviews:fields.participantId')}
            hint={t('interviews:fields.participantHint')}
            options={[
              { value: '', label: t('interviews:staff.anonymous') },
              ...choices.participants.map((p) => ({ value: p.id, label: p.pseudonym })),
            ]}
          />
        </fieldset>

        <fieldset class="field" id="f-notes" aria-describedby="f-notes-hint">
          <legend safe>{t('interviews:fields.notes')}</legend>
          <p class="hint" id="f-notes-hint" safe>
            {t('interviews:fields.notesHint')}
          </p>
          <ListError form={form} name="notes" />
          {Array.from({ length: noteRows }, (_, i) => (
            <fieldset class="field">
              <legend safe>{t('interviews:fields.noteN', { n: i + 1 })}</legend>
              <Hidden form={form} name={`notes.${i}.id`} />
              <TextField
                form={form}
                name={`notes.${i}.heading`}
                label={t('interviews:fields.noteHeading')}
                maxlength={300}
              />
              <TextArea
                form={form}
                name={`notes.${i}.text`}
                label={t('interviews:fields.noteText')}
                rows={4}
                maxlength={20000}
              />
            </fieldset>
          ))}
        </fieldset>

        <fieldset class="field" id="f-quotes" aria-describedby="f-quotes-hint">
          <legend safe>{t('interviews:fields.quotes')}</legend>
          <p class="hint" id="f-quotes-hint" safe>
            {t('interviews:fields.quotesHint')}
          </p>
          <ListError form={form} name="quotes" />
          {Array.from({ length: quoteRows }, (_, i) => (
            <div>
              <Hidden form={form} name={`quotes.${i}.id`} />
              <TextArea
                form={form}
                name={`quotes.${i}.text`}
                label={t('interviews:fields.quoteN', { n: i + 1 })}
                rows={2}
                maxlength={2000}
              />
            </div>
          ))}
        </fieldset>

        <fieldset class="field">
          <legend safe>{t('interviews:fields.transcript')}</legend>
          <p class="hint" safe>
            {t('interviews:fields.transcriptHint')}
          </p>
          <FileField ctx={ctx} form={form} />
          <TextArea
            form={form}
            name="transcript"
            label={t('interviews:fields.transcriptText')}
            hint={t('interviews:fields.transcriptTextHint')}
            rows={10}
            maxlength={MAX_TRANSCRIPT}
          />
          <RadioGroup
            form={form}
            name="transcriptFormat"
            label={t('interviews:fields.transcriptFormat')}
            options={[
              { value: 'auto', label: t('interviews:formats.auto') },
              { value: 'vtt', label: t('interviews:formats.vtt') },
              { value: 'text', label: t('interviews:formats.text') },
            ]}
          />
        </fieldset>

        <div class="actions">
          <button type="submit" class="button primary" safe>
            {props.submit}
          </button>
          <a href={props.cancelHref} safe>
            {t('form.cancel')}
          </a>
        </div>
      </form>
    </StaffLayout>
  );
}
