import { ErrorSummary, Form, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { ApiTokenSummary } from '../staff.repository.js';
import { formatTime } from './shared.js';

/** The personal API tokens page; a just-created token is shown here once and never again. */
export function TokensPage(props: {
  ctx: PageContext;
  tokens: ApiTokenSummary[];
  form: FormState;
  created?: string | undefined;
}): JSX.Element {
  const { ctx, form } = props;
  const labels = { name: ctx.t('staff:tokens.name') };
  return (
    <StaffLayout ctx={ctx} title={ctx.t('staff:tokens.title')}>
      <h1 safe>{ctx.t('staff:tokens.title')}</h1>
      {props.created ? (
        <section class="notice" role="status" aria-labelledby="token-created-title">
          <h2 id="token-created-title" safe>
            {ctx.t('staff:tokens.createdTitle')}
          </h2>
          <p safe>{ctx.t('staff:tokens.createdLead')}</p>
          <p>
            <code class="secret" safe>
              {props.created}
            </code>
          </p>
        </section>
      ) : (
        ''
      )}
      <p class="lead" safe>
        {ctx.t('staff:tokens.lead')}
      </p>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action="/staff/tokens">
        <TextField
          form={form}
          name="name"
          label={labels.name}
          hint={ctx.t('staff:tokens.nameHint')}
          maxlength={100}
          required
        />
        <button type="submit" class="button primary" safe>
          {ctx.t('staff:tokens.submit')}
        </button>
      </Form>
      <h2 safe>{ctx.t('staff:tokens.listTitle')}</h2>
      {props.tokens.length === 0 ? (
        <p class="muted" safe>
          {ctx.t('staff:tokens.empty')}
        </p>
      ) : (
        <table>
          <caption safe>{ctx.t('staff:tokens.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {ctx.t('staff:tokens.name')}
              </th>
              <th scope="col" safe>
                {ctx.t('staff:tokens.created')}
              </th>
              <th scope="col" safe>
                {ctx.t('staff:tokens.lastUsed')}
              </th>
              <th scope="col" safe>
                {ctx.t('staff:tokens.state')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((tk) => (
              <tr>
                <td safe>{tk.name}</td>
                <td safe>{formatTime(ctx, tk.createdAt)}</td>
                <td safe>{tk.lastUsedAt ? formatTime(ctx, tk.lastUsedAt) : ctx.t('staff:tokens.never')}</td>
                <td safe>{ctx.t(tk.revokedAt ? 'staff:tokens.revoked' : 'staff:tokens.active')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}
