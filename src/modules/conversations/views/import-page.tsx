import { CsrfField, ErrorSummary, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { Breadcrumbs, conversationsBase } from './staff-parts.js';

function FileField(props: {
  ctx: PageContext;
  name: string;
  label: string;
  error?: string | undefined;
}): JSX.Element {
  return (
    <div class={props.error ? 'field has-error' : 'field'}>
      <label for={`f-${props.name}`} safe>
        {props.label}
      </label>
      {props.error ? (
        <p class="field-error" id={`f-${props.name}-error`} safe>
          {props.error}
        </p>
      ) : (
        ''
      )}
      <input
        id={`f-${props.name}`}
        name={props.name}
        type="file"
        accept=".csv,text/csv"
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `f-${props.name}-error` : undefined}
      />
    </div>
  );
}

/** The form to import a conversation from Pol.is export files. */
export function ImportPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  form: FormState;
}): JSX.Element {
  const { ctx, initiative, form } = props;
  const t = ctx.t;
  const title = t('conversations:staff.importTitle');
  const labels = {
    question: t('conversations:fields.question'),
    comments: t('conversations:fields.commentsFile'),
    votes: t('conversations:fields.votesFile'),
    participantsVotes: t('conversations:fields.participantsVotesFile'),
  };
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Breadcrumbs ctx={ctx} initiative={initiative} toList />
      <h1 safe>{title}</h1>
      <p safe>{t('conversations:fields.importHint')}</p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <form
        method="post"
        action={`${conversationsBase(initiative.id)}/import`}
        enctype="multipart/form-data"
        novalidate
      >
        <CsrfField ctx={ctx} />
        <TextField
          form={form}
          name="question"
          label={labels.question}
          hint={t('conversations:fields.questionHint')}
          required
        />
        <FileField ctx={ctx} name="comments" label={labels.comments} error={form.errors.comments} />
        <FileField ctx={ctx} name="votes" label={labels.votes} error={form.errors.votes} />
        <FileField
          ctx={ctx}
          name="participantsVotes"
          label={labels.participantsVotes}
          error={form.errors.participantsVotes}
        />
        <button type="submit" class="button primary" safe>
          {t('conversations:staff.import')}
        </button>
      </form>
    </StaffLayout>
  );
}
