import { ErrorSummary, Form, Notice, TextField } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';

/** The staff sign-in page (light participant layout: the person is not signed in yet). */
export function SignInPage(props: {
  ctx: PageContext;
  form: FormState;
  next: string;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, form } = props;
  const labels = { email: ctx.t('staff:signIn.email'), password: ctx.t('staff:signIn.password') };
  return (
    <ParticipantLayout ctx={ctx} title={ctx.t('staff:signIn.title')}>
      <h1 safe>{ctx.t('staff:signIn.title')}</h1>
      <Notice text={props.notice} />
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <p class="lead" safe>
        {ctx.t('staff:signIn.lead')}
      </p>
      <Form ctx={ctx} action="/signin">
        <input type="hidden" name="next" value={props.next} />
        <TextField
          form={form}
          name="email"
          label={labels.email}
          type="email"
          autocomplete="username"
          maxlength={254}
          required
        />
        <TextField
          form={form}
          name="password"
          label={labels.password}
          type="password"
          autocomplete="current-password"
          maxlength={1000}
          required
        />
        <button type="submit" class="button primary" safe>
          {ctx.t('staff:signIn.submit')}
        </button>
      </Form>
      <p class="muted" safe>
        {ctx.t('staff:signIn.noAccount')}
      </p>
    </ParticipantLayout>
  );
}
