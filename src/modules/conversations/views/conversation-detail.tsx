import {
  ActionButton,
  CsrfField,
  ErrorSummary,
  Form,
  Notice,
  SelectField,
  TextArea,
} from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import { emptyForm, type FormState, type PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { StatementWithVotes } from '../get-conversation.js';
import { hideReasons, type Conversation } from '../conversations.table.js';
import { Breadcrumbs, conversationsBase } from './staff-parts.js';

/** The moderation queue: each waiting statement with approve, or hide with a reason. */
/** Approve, or hide with a reason, one statement (in the queue both; in the table what applies). */
function ModerationForm(props: {
  ctx: PageContext;
  base: string;
  statement: StatementWithVotes;
  offer: 'both' | 'hide' | 'approve';
  idPrefix: string;
}): JSX.Element {
  const { ctx, statement: s, offer } = props;
  const t = ctx.t;
  return (
    <form method="post" action={`${props.base}/statements/${s.id}/moderate`} class="moderation-actions">
      <CsrfField ctx={ctx} />
      {offer !== 'approve' ? (
        <SelectField
          form={emptyForm()}
          name="reason"
          idPrefix={props.idPrefix}
          label={t('conversations:staff.reasonN', { n: s.number + 1 })}
          options={[
            { value: '', label: t('conversations:staff.chooseReason') },
            ...hideReasons.map((r) => ({ value: r, label: t(`conversations:reasons.${r}`) })),
          ]}
        />
      ) : (
        ''
      )}
      {offer !== 'hide' ? (
        <button
          type="submit"
          name="decision"
          value="approve"
          class="button primary"
          aria-label={t('conversations:staff.approveN', { n: s.number + 1 })}
          safe
        >
          {t('conversations:staff.approve')}
        </button>
      ) : (
        ''
      )}
      {offer !== 'approve' ? (
        <button
          type="submit"
          name="decision"
          value="hide"
          class="button secondary"
          aria-label={t('conversations:staff.hideN', { n: s.number + 1 })}
          safe
        >
          {t('conversations:staff.hide')}
        </button>
      ) : (
        ''
      )}
    </form>
  );
}

function ModerationQueue(props: {
  ctx: PageContext;
  base: string;
  queue: StatementWithVotes[];
  canModerate: boolean;
}): JSX.Element {
  const { ctx, queue } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title" safe>
        {`${t('conversations:staff.queue')} (${t('conversations:staff.pendingCount', { count: queue.length })})`}
      </h2>
      {queue.length === 0 ? (
        <p safe>{t('conversations:staff.queueEmpty')}</p>
      ) : (
        <ul class="moderation-queue">
          {queue.map((s) => (
            <li>
              <p id={`statement-${s.number}`}>
                <strong safe>{`${s.number + 1}. `}</strong>
                <span safe>{s.body}</span>
              </p>
              {props.canModerate ? (
                <ModerationForm
                  ctx={ctx}
                  base={props.base}
                  statement={s}
                  offer="both"
                  idPrefix={`q${s.number}-`}
                />
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A conversation for staff: settings and actions, the seed form, the moderation queue and every statement. */
export function ConversationDetailPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  conversation: Conversation;
  statements: StatementWithVotes[];
  queue: StatementWithVotes[];
  canManage: boolean;
  canModerate: boolean;
  canExport: boolean;
  participantUrl: string;
  seedForm?: FormState;
  moderationError?: string | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, conversation } = props;
  const t = ctx.t;
  const base = `${conversationsBase(initiative.id)}/${conversation.id}`;
  const writable = initiative.status !== 'archived';
  const seedForm = props.seedForm ?? emptyForm();
  const seedLabels = { body: t('conversations:fields.seedBody') };
  return (
    <StaffLayout ctx={ctx} title={conversation.question}>
      <Breadcrumbs ctx={ctx} initiative={initiative} toList />
      <h1 safe>{conversation.question}</h1>
      <Notice text={props.notice} />
      {props.moderationError ? (
        <div class="error-summary" role="alert" safe>
          {props.moderationError}
        </div>
      ) : (
        ''
      )}
      {conversation.topic ? (
        <p class="lead" safe>
          {conversation.topic}
        </p>
      ) : (
        ''
      )}
      <h2 safe>{t('conversations:staff.settings')}</h2>
      <dl class="facts">
        <dt safe>{t('conversations:staff.status')}</dt>
        <dd safe>{t(`conversations:status.${conversation.status}`)}</dd>
        <dt safe>{t('conversations:fields.moderation')}</dt>
        <dd safe>{t(`conversations:moderation.${conversation.moderation}`)}</dd>
        <dt safe>{t('conversations:fields.statementMaxLength')}</dt>
        <dd safe>{String(conversation.statementMaxLength)}</dd>
        {conversation.status !== 'draft' ? (
          <>
            <dt safe>{t('conversations:staff.participantLink')}</dt>
            <dd>
              <a href={props.participantUrl} safe>
                {props.participantUrl}
              </a>
            </dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <p class="actions">
        <a href={`${base}/results`} safe>
          {t('conversations:staff.results')}
        </a>{' '}
        <a href={`${base}/report`} safe>
          {t('conversations:staff.report')}
        </a>{' '}
        {props.canExport ? (
          <>
            <span safe>{`${t('conversations:staff.export')}: `}</span>
            <a href={`${base}/export/comments.csv`}>comments.csv</a>{' '}
            <a href={`${base}/export/votes.csv`}>votes.csv</a>{' '}
            <a href={`${base}/export/participants-votes.csv`}>participants-votes.csv</a>
          </>
        ) : (
          ''
        )}
      </p>
      {props.canManage && writable ? (
        <p class="actions">
          <a class="button secondary" href={`${base}/edit`} safe>
            {t('conversations:staff.edit')}
          </a>{' '}
          {conversation.status === 'open' ? (
            <ActionButton
              ctx={ctx}
              action={`${base}/close`}
              label={t('conversations:staff.close')}
              kind="danger"
            />
          ) : (
            <ActionButton
              ctx={ctx}
              action={`${base}/open`}
              label={t('conversations:staff.open')}
              kind="primary"
            />
          )}
        </p>
      ) : (
        ''
      )}
      <ModerationQueue ctx={ctx} base={base} queue={props.queue} canModerate={props.canModerate} />
      {props.canManage && writable ? (
        <section aria-labelledby="seed-title">
          <h2 id="seed-title" safe>
            {t('conversations:staff.seed')}
          </h2>
          <ErrorSummary ctx={ctx} form={seedForm} labels={seedLabels} />
          <Form ctx={ctx} action={`${base}/statements`}>
            <TextArea
              form={seedForm}
              name="body"
              label={seedLabels.body}
              hint={t('conversations:fields.seedHint', { max: conversation.statementMaxLength })}
              rows={2}
              maxlength={conversation.statementMaxLength}
            />
            <button type="submit" class="button primary" safe>
              {t('conversations:staff.seed')}
            </button>
          </Form>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="statements-title">
        <h2 id="statements-title" safe>
          {t('conversations:staff.allStatements')}
        </h2>
        <table class="results-table">
          <caption safe>{t('conversations:staff.statementsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('conversations:staff.number')}
              </th>
              <th scope="col" safe>
                {t('conversations:fields.body')}
              </th>
              <th scope="col" safe>
                {t('conversations:staff.status')}
              </th>
              <th scope="col" class="num" safe>
                {t('conversations:staff.agree')}
              </th>
              <th scope="col" class="num" safe>
                {t('conversations:staff.disagree')}
              </th>
              <th scope="col" class="num" safe>
                {t('conversations:staff.pass')}
              </th>
              {props.canModerate ? (
                <th scope="col" safe>
                  {t('conversations:staff.actions')}
                </th>
              ) : (
                ''
              )}
            </tr>
          </thead>
          <tbody>
            {props.statements.map((s) => (
              <tr>
                <td class="num" safe>
                  {String(s.number + 1)}
                </td>
                <td safe>{s.body}</td>
                <td safe>
                  {`${t(`conversations:statementStatus.${s.status}`)}${s.status === 'hidden' && s.moderationReason ? ` (${t(`conversations:reasons.${s.moderationReason}`)})` : ''}; ${t(`conversations:source.${s.source}`)}`}
                </td>
                <td class="num" safe>
                  {String(s.agree)}
                </td>
                <td class="num" safe>
                  {String(s.disagree)}
                </td>
                <td class="num" safe>
                  {String(s.pass)}
                </td>
                {props.canModerate ? (
                  <td>
                    {s.status === 'pending' ? (
                      ''
                    ) : (
                      <ModerationForm
                        ctx={ctx}
                        base={base}
                        statement={s}
                        offer={s.status === 'approved' ? 'hide' : 'approve'}
                        idPrefix={`t${s.number}-`}
                      />
                    )}
                  </td>
                ) : (
                  ''
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </StaffLayout>
  );
}
