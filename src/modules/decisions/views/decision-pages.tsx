import { ErrorSummary, Form, Notice, SelectField, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { deciders, statuses, type Decision } from '../decisions.table.js';
import type { LinkedInput } from '../show-decision.js';
import {
  aboutInput,
  Crumbs,
  dateText,
  decisionPath,
  decisionsPath,
  excerpt,
  linkingPath,
  Problem,
  RowAction,
  When,
} from './parts.js';

/** An initiative's decisions: status, who decided, the date, the topic and how much input each links. */
export function DecisionListPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  decisions: Decision[];
  linkCounts: Record<string, number>;
  canManage: boolean;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative } = props;
  const t = ctx.t;
  const title = t('decisions:list.title', { title: initiative.title });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} initiative={initiative} />
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      {props.canManage ? (
        <p>
          <a class="button primary" href={`${decisionsPath(initiative.id)}/new`} safe>
            {t('decisions:actions.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.decisions.length === 0 ? (
        <p safe>{t('decisions:list.none')}</p>
      ) : (
        <table>
          <caption safe>{t('decisions:list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('decisions:fields.title')}
              </th>
              <th scope="col" safe>
                {t('decisions:fields.status')}
              </th>
              <th scope="col" safe>
                {t('decisions:fields.decidedBy')}
              </th>
              <th scope="col" safe>
                {t('decisions:fields.decidedOn')}
              </th>
              <th scope="col" safe>
                {t('decisions:fields.topic')}
              </th>
              <th scope="col" safe>
                {t('decisions:list.linkedCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.decisions.map((d) => (
              <tr>
                <td>
                  <a href={decisionPath(initiative.id, d.id)} safe>
                    {d.title}
                  </a>
                </td>
                <td safe>{t(`decisions:status.${d.status}`)}</td>
                <td safe>{t(`decisions:deciders.${d.decidedBy}`)}</td>
                <td>
                  <When ctx={ctx} iso={d.decidedOn} />
                </td>
                <td safe>{d.topic}</td>
                <td safe>{String(props.linkCounts[d.id] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}

/** The labels of the decision form's fields, for the error summary. */
function decisionLabels(ctx: PageContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of ['title', 'rationale', 'decidedBy', 'decidedOn', 'status', 'notAdoptedReason', 'topic'])
    out[f] = ctx.t(`decisions:fields.${f}`);
  return out;
}

/** The form to record a decision or edit one (every field; the reason it was not adopted is public). */
export function DecisionFormPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  decision?: Decision | undefined;
  form: FormState;
}): JSX.Element {
  const { ctx, initiative, decision, form } = props;
  const t = ctx.t;
  const title = decision
    ? t('decisions:page.editTitle', { title: decision.title })
    : t('decisions:page.newTitle');
  const action = decision ? `${decisionPath(initiative.id, decision.id)}/edit` : decisionsPath(initiative.id);
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} initiative={initiative} decision={decision ?? 'list'} />
      <h1 safe>{title}</h1>
      <Form ctx={ctx} action={action}>
        <ErrorSummary ctx={ctx} form={form} labels={decisionLabels(ctx)} />
        <TextField form={form} name="title" label={t('decisions:fields.title')} required maxlength={300} />
        <TextArea
          form={form}
          name="rationale"
          label={t('decisions:fields.rationale')}
          rows={5}
          maxlength={5000}
        />
        <SelectField
          form={form}
          name="decidedBy"
          label={t('decisions:fields.decidedBy')}
          required
          options={deciders.map((d) => ({ value: d, label: t(`decisions:deciders.${d}`) }))}
        />
        <TextField
          form={form}
          name="decidedOn"
          type="date"
          label={t('decisions:fields.decidedOn')}
          hint={t('decisions:hints.decidedOn')}
          required
        />
        <SelectField
          form={form}
          name="status"
          label={t('decisions:fields.status')}
          required
          options={statuses.map((s) => ({ value: s, label: t(`decisions:status.${s}`) }))}
        />
        <TextArea
          form={form}
          name="notAdoptedReason"
          label={t('decisions:fields.notAdoptedReason')}
          hint={t('decisions:hints.notAdoptedReason')}
          rows={3}
          maxlength={2000}
        />
        <TextField
          form={form}
          name="topic"
          label={t('decisions:fields.topic')}
          hint={t('decisions:hints.topic')}
          maxlength={100}
        />
        <button type="submit" class="button primary" safe>
          {decision ? t('decisions:actions.save') : t('decisions:actions.record')}
        </button>
      </Form>
    </StaffLayout>
  );
}

/** The review mark of an input and, for those who manage decisions, the button that toggles it. */
export function ReviewCell(props: {
  ctx: PageContext;
  action: string;
  input: { kind: string; id: string; label: string; text: string };
  reviewedAt: string | null;
  canManage: boolean;
  back: Record<string, string>;
}): JSX.Element {
  const { ctx, input } = props;
  const t = ctx.t;
  const about = aboutInput(ctx, input);
  return (
    <>
      {props.reviewedAt ? (
        <p safe>{t('decisions:page.reviewedOn', { date: dateText(ctx, props.reviewedAt) })}</p>
      ) : (
        <p safe>{t('decisions:page.notReviewed')}</p>
      )}
      {props.canManage ? (
        <RowAction
          ctx={ctx}
          action={props.action}
          fields={{
            inputKind: input.kind,
            inputId: input.id,
            reviewed: props.reviewedAt ? 'no' : 'yes',
            ...props.back,
          }}
          label={
            props.reviewedAt ? t('decisions:actions.unmarkReviewed') : t('decisions:actions.markReviewed')
          }
          about={about}
        />
      ) : (
        ''
      )}
    </>
  );
}

/** One decision for staff: what, why, who, when, status, and the input linked to it with unlink buttons. */
export function DecisionPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  decision: Decision;
  linked: LinkedInput[];
  canManage: boolean;
  notice?: string | undefined;
  problem?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, decision } = props;
  const t = ctx.t;
  const path = decisionPath(initiative.id, decision.id);
  return (
    <StaffLayout ctx={ctx} title={decision.title}>
      <Crumbs ctx={ctx} initiative={initiative} decision="list" />
      <h1 safe>{decision.title}</h1>
      <Notice text={props.notice} />
      <Problem text={props.problem} />
      {props.canManage ? (
        <p class="actions">
          <a class="button secondary" href={`${path}/edit`} safe>
            {t('decisions:actions.edit')}
          </a>{' '}
          <a class="button primary" href={linkingPath(initiative.id, decision.id)} safe>
            {t('decisions:actions.linkInputs')}
          </a>
        </p>
      ) : (
        <p>
          <a href={linkingPath(initiative.id, decision.id)} safe>
            {t('decisions:actions.searchInputs')}
          </a>
        </p>
      )}
      <h2 safe>{t('decisions:page.facts')}</h2>
      <dl class="facts">
        <dt safe>{t('decisions:fields.status')}</dt>
        <dd safe>{t(`decisions:status.${decision.status}`)}</dd>
        {decision.status === 'not_adopted' ? (
          <>
            <dt safe>{t('decisions:fields.notAdoptedReason')}</dt>
            <dd safe>{decision.notAdoptedReason}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t('decisions:fields.decidedBy')}</dt>
        <dd safe>{t(`decisions:deciders.${decision.decidedBy}`)}</dd>
        <dt safe>{t('decisions:fields.decidedOn')}</dt>
        <dd>
          <When ctx={ctx} iso={decision.decidedOn} />
        </dd>
        <dt safe>{t('decisions:fields.topic')}</dt>
        <dd safe>{decision.topic}</dd>
        <dt safe>{t('decisions:fields.rationale')}</dt>
        <dd safe>{decision.rationale}</dd>
      </dl>
      <h2 safe>{t('decisions:page.linkedTitle')}</h2>
      {props.linked.length === 0 ? (
        <p safe>{t('decisions:page.noLinks')}</p>
      ) : (
        <table>
          <caption safe>{t('decisions:page.linkedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('decisions:page.input')}
              </th>
              <th scope="col" safe>
                {t('decisions:page.kind')}
              </th>
              <th scope="col" safe>
                {t('decisions:page.excerpt')}
              </th>
              <th scope="col" safe>
                {t('decisions:page.review')}
              </th>
              {props.canManage ? (
                <th scope="col" safe>
                  {t('decisions:page.actions')}
                </th>
              ) : (
                ''
              )}
            </tr>
          </thead>
          <tbody>
            {props.linked.map(({ link, input, reviewedAt }) => {
              const label = input?.label ?? t('decisions:page.inputGone');
              return (
                <tr>
                  <td>
                    {input?.href ? (
                      <a href={input.href} safe>
                        {label}
                      </a>
                    ) : (
                      <span safe>{label}</span>
                    )}
                  </td>
                  <td safe>{t(`decisions:kinds.${link.inputKind}`)}</td>
                  <td safe>{excerpt(input?.text ?? '')}</td>
                  <td>
                    {input ? (
                      <ReviewCell
                        ctx={ctx}
                        action={`${path}/review`}
                        input={{ kind: link.inputKind, id: link.inputId, label, text: input.text }}
                        reviewedAt={reviewedAt}
                        canManage={props.canManage}
                        back={{ from: 'decision' }}
                      />
                    ) : (
                      ''
                    )}
                  </td>
                  {props.canManage ? (
                    <td>
                      <RowAction
                        ctx={ctx}
                        action={`${path}/links/${encodeURIComponent(link.id)}/delete`}
                        fields={{}}
                        label={t('decisions:actions.unlink')}
                        about={aboutInput(ctx, { kind: link.inputKind, label, text: input?.text ?? '' })}
                        kind="danger"
                      />
                    </td>
                  ) : (
                    ''
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}
