import { ErrorSummary, Form, Notice, RadioGroup, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { moderationModes, type Conversation } from '../conversations.table.js';
import { Breadcrumbs, conversationsBase } from './staff-parts.js';

/** An initiative's conversations for staff. */
export function ConversationListPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  conversations: Conversation[];
  canManage: boolean;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative } = props;
  const t = ctx.t;
  const base = conversationsBase(initiative.id);
  const title = t('conversations:staff.listTitle', { title: initiative.title });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Breadcrumbs ctx={ctx} initiative={initiative} toList={false} />
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      <p safe>{t('conversations:staff.intro')}</p>
      {initiative.status === 'archived' ? (
        <p class="hint" safe>
          {t('conversations:staff.archived')}
        </p>
      ) : props.canManage ? (
        <p>
          <a class="button primary" href={`${base}/new`} safe>
            {t('conversations:staff.new')}
          </a>{' '}
          <a class="button secondary" href={`${base}/import`} safe>
            {t('conversations:staff.import')}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.conversations.length === 0 ? (
        <p safe>{t('conversations:staff.none')}</p>
      ) : (
        <table>
          <caption safe>{t('conversations:staff.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('conversations:fields.question')}
              </th>
              <th scope="col" safe>
                {t('conversations:staff.status')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.conversations.map((c) => (
              <tr>
                <td>
                  <a href={`${base}/${c.id}`} safe>
                    {c.question}
                  </a>
                </td>
                <td safe>{t(`conversations:status.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}

/** The form to create or edit a conversation. */
export function ConversationFormPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  conversation?: Conversation;
  form: FormState;
  action: string;
}): JSX.Element {
  const { ctx, initiative, form } = props;
  const t = ctx.t;
  const title = props.conversation ? t('conversations:staff.editTitle') : t('conversations:staff.newTitle');
  const labels = {
    question: t('conversations:fields.question'),
    topic: t('conversations:fields.topic'),
    statementMaxLength: t('conversations:fields.statementMaxLength'),
    moderation: t('conversations:fields.moderation'),
  };
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Breadcrumbs ctx={ctx} initiative={initiative} toList conversation={props.conversation} />
      <h1 safe>{title}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={props.action}>
        <TextField
          form={form}
          name="question"
          label={labels.question}
          hint={t('conversations:fields.questionHint')}
          required
        />
        <TextArea form={form} name="topic" label={labels.topic} rows={3} />
        <TextField
          form={form}
          name="statementMaxLength"
          type="number"
          label={labels.statementMaxLength}
          hint={t('conversations:fields.statementMaxLengthHint')}
        />
        <RadioGroup
          form={form}
          name="moderation"
          label={labels.moderation}
          options={moderationModes.map((m) => ({ value: m, label: t(`conversations:moderation.${m}`) }))}
        />
        <button type="submit" class="button primary" safe>
          {t('form.save')}
        </button>
      </Form>
    </StaffLayout>
  );
}
