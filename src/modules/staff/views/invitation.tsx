import { ErrorSummary, Form, TextField } from '../../../ui/components.js';
import { ParticipantLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { OpenInvitation } from '../get-invitation.js';
import { MIN_PASSWORD_LENGTH } from '../staff-input.js';

/** The public page where an invited person chooses their name and password. */
export function AcceptInvitationPage(props: {
  ctx: PageContext;
  open: OpenInvitation;
  token: string;
  form: FormState;
}): JSX.Element {
  const { ctx, form, open } = props;
  const labels = {
    name: ctx.t('staff:invitation.name'),
    password: ctx.t('staff:invitation.password'),
    passwordConfirm: ctx.t('staff:invitation.passwordConfirm'),
  };
  const title = ctx.t('staff:invitation.title', { organization: open.organization.name });
  return (
    <ParticipantLayout ctx={ctx} title={title}>
      <h1 safe>{title}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <p class="lead" safe>
        {ctx.t('staff:invitation.lead', {
          organization: open.organization.name,
          role: ctx.t(`staff:roles.${open.invitation.role}.name`),
        })}
      </p>
      <dl class="facts">
        <dt safe>{ctx.t('staff:invitation.email')}</dt>
        <dd safe>{open.invitation.email}</dd>
      </dl>
      <Form ctx={ctx} action={`/invitations/${encodeURIComponent(props.token)}`}>
        <TextField form={form} name="name" label={labels.name} autocomplete="name" maxlength={200} required />
        <TextField
          form={form}
          name="password"
          label={labels.password}
          hint={ctx.t('staff:invitation.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autocomplete="new-password"
          maxlength={1000}
          required
        />
        <TextField
          form={form}
          name="passwordConfirm"
          label={labels.passwordConfirm}
          type="password"
          autocomplete="new-password"
          maxlength={1000}
          required
        />
        <button type="submit" class="button primary" safe>
          {ctx.t('staff:invitation.submit')}
        </button>
      </Form>
    </ParticipantLayout>
  );
}
