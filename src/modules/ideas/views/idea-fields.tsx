import { CsrfField, ErrorSummary, TextArea, TextField } from '../../../ui/components.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import { LIMITS } from '../idea-input.js';

/** The labels of the idea form's fields, for the error summary. */
export function ideaLabels(ctx: PageContext): Record<string, string> {
  return {
    title: ctx.t('ideas:fields.title'),
    description: ctx.t('ideas:fields.description'),
    problem: ctx.t('ideas:fields.problem'),
    image: ctx.t('ideas:fields.image'),
    imageAlt: ctx.t('ideas:fields.imageAlt'),
  };
}

/** The form to post an idea (participants and staff): texts and an optional image, sent without JavaScript. */
export function IdeaForm({
  ctx,
  form,
  action,
}: {
  ctx: PageContext;
  form: FormState;
  action: string;
}): JSX.Element {
  const t = ctx.t;
  const imageError = form.errors.image;
  return (
    <form method="post" action={action} enctype="multipart/form-data" novalidate>
      <CsrfField ctx={ctx} />
      <ErrorSummary ctx={ctx} form={form} labels={ideaLabels(ctx)} />
      <TextField form={form} name="title" label={t('ideas:fields.title')} required maxlength={LIMITS.title} />
      <TextArea
        form={form}
        name="description"
        label={t('ideas:fields.description')}
        hint={t('ideas:hints.description')}
        required
        rows={6}
        maxlength={LIMITS.description}
      />
      <TextArea
        form={form}
        name="problem"
        label={t('ideas:fields.problem')}
        hint={t('ideas:hints.problem')}
        required
        rows={4}
        maxlength={LIMITS.problem}
      />
      <div class={imageError ? 'field has-error' : 'field'}>
        <label for="f-image" safe>
          {t('ideas:fields.image')}
        </label>
        <p class="hint" id="f-image-hint" safe>
          {t('ideas:hints.image')}
        </p>
        {imageError ? (
          <p class="field-error" id="f-image-error" safe>
            {imageError}
          </p>
        ) : (
          ''
        )}
        <input
          id="f-image"
          name="image"
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp"
          aria-invalid={imageError ? 'true' : undefined}
          aria-describedby={imageError ? 'f-image-hint f-image-error' : 'f-image-hint'}
        />
      </div>
      <TextField
        form={form}
        name="imageAlt"
        label={t('ideas:fields.imageAlt')}
        hint={t('ideas:hints.imageAlt')}
      />
      <button type="submit" class="button primary" safe>
        {t('ideas:actions.post')}
      </button>
    </form>
  );
}
