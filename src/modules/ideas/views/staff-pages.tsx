import { ActionButton, Form, Notice, SelectField, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { LIMITS } from '../idea-input.js';
import type { CommentView, IdeaView } from '../idea-view.js';
import { ideaStatuses } from '../ideas.table.js';
import { IdeaForm } from './idea-fields.js';
import { authorLabel, IdeaBody, When } from './parts.js';

/** Where an initiative's idea board lives for staff. */
export const staffBoardPath = (initiativeId: string) =>
  `/staff/initiatives/${encodeURIComponent(initiativeId)}/ideas`;

function Crumbs({
  ctx,
  initiative,
  toBoard,
}: {
  ctx: PageContext;
  initiative: Initiative;
  toBoard: boolean;
}) {
  return (
    <nav aria-label={ctx.t('ideas:staff.breadcrumbs')}>
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
        {toBoard ? (
          <>
            {' › '}
            <a href={staffBoardPath(initiative.id)} safe>
              {ctx.t('ideas:staff.boardShort')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
    </nav>
  );
}

/** An initiative's idea board for staff: every idea with status, supports and moderation state. */
export function StaffBoardPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  ideas: IdeaView[];
  canContribute: boolean;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative } = props;
  const t = ctx.t;
  const base = staffBoardPath(initiative.id);
  const title = t('ideas:staff.boardTitle', { title: initiative.title });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} initiative={initiative} toBoard={false} />
      <h1 safe>{title}</h1>
      <Notice text={props.notice} />
      {props.canContribute && initiative.status !== 'archived' ? (
        <p>
          <a class="button primary" href={`${base}/new`} safe>
            {t('ideas:actions.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      {props.ideas.length === 0 ? (
        <p safe>{t('ideas:public.none')}</p>
      ) : (
        <table>
          <caption safe>{t('ideas:staff.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {t('ideas:fields.title')}
              </th>
              <th scope="col" safe>
                {t('ideas:fields.author')}
              </th>
              <th scope="col" safe>
                {t('ideas:fields.status')}
              </th>
              <th scope="col" safe>
                {t('ideas:staff.supports')}
              </th>
              <th scope="col" safe>
                {t('ideas:staff.moderation')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.ideas.map((i) => (
              <tr>
                <td>
                  <a href={`${base}/${i.id}`} safe>
                    {i.title}
                  </a>
                </td>
                <td safe>{authorLabel(ctx, i.author)}</td>
                <td safe>{t(`ideas:status.${i.status}`)}</td>
                <td safe>{String(i.supportCount)}</td>
                <td safe>
                  {i.mergedIntoId
                    ? t('ideas:staff.merged')
                    : i.hiddenReason !== null
                      ? t('ideas:staff.hidden')
                      : t('ideas:staff.visible')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}

/** Staff's form to post an idea. */
export function StaffNewIdeaPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  form: FormState;
}): JSX.Element {
  const { ctx, initiative } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('ideas:public.newTitle')}>
      <Crumbs ctx={ctx} initiative={initiative} toBoard />
      <h1 safe>{ctx.t('ideas:public.newTitle')}</h1>
      <IdeaForm ctx={ctx} form={props.form} action={staffBoardPath(initiative.id)} />
    </StaffLayout>
  );
}

/** The forms of the staff idea page, each with its own state. */
export interface StaffIdeaForms {
  status: FormState;
  merge: FormState;
  hide: FormState;
  comment: FormState;
}

/** One idea for staff: texts, comments (hidden ones with their reason) and the moderation forms. */
export function StaffIdeaPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  idea: IdeaView;
  comments: CommentView[];
  mergeTargets: { id: string; title: string }[];
  canModerate: boolean;
  canContribute: boolean;
  forms: StaffIdeaForms;
  notice?: string | undefined;
  problem?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, idea, forms } = props;
  const t = ctx.t;
  const path = `${staffBoardPath(initiative.id)}/${idea.id}`;
  const writable = initiative.status !== 'archived';
  const open = writable && idea.mergedIntoId === null;
  return (
    <StaffLayout ctx={ctx} title={idea.title}>
      <Crumbs ctx={ctx} initiative={initiative} toBoard />
      <h1 safe>{idea.title}</h1>
      <Notice text={props.notice} />
      {props.problem ? (
        <div class="error-summary" role="alert" tabindex="-1" id="error-summary">
          <p safe>{props.problem}</p>
        </div>
      ) : (
        ''
      )}
      {idea.mergedIntoId ? (
        <p class="notice">
          <span safe>{t('ideas:public.mergedInto')}</span>{' '}
          <a href={`${staffBoardPath(initiative.id)}/${idea.mergedIntoId}`} safe>
            {t('ideas:staff.keptIdea')}
          </a>
        </p>
      ) : (
        ''
      )}
      {idea.hiddenReason !== null ? (
        <p class="notice" safe>
          {t('ideas:hiddenBecause', { reason: idea.hiddenReason })}
        </p>
      ) : (
        ''
      )}
      <IdeaBody ctx={ctx} idea={idea} imageSrc={`${path}/image`} />
      {props.canContribute && open && idea.hiddenReason === null ? (
        <ActionButton ctx={ctx} action={`${path}/support`} label={t('ideas:actions.support')} />
      ) : (
        ''
      )}
      {props.canModerate && open ? (
        <>
          <h2 safe>{t('ideas:staff.changeStatus')}</h2>
          <Form ctx={ctx} action={`${path}/status`}>
            <SelectField
              form={forms.status}
              name="status"
              idPrefix="st-"
              label={t('ideas:fields.status')}
              options={ideaStatuses.map((s) => ({ value: s, label: t(`ideas:status.${s}`) }))}
            />
            <TextArea
              form={forms.status}
              name="reason"
              idPrefix="st-"
              label={t('ideas:fields.reason')}
              hint={t('ideas:hints.reason')}
              rows={3}
              maxlength={LIMITS.reason}
            />
            <button type="submit" class="button primary" safe>
              {t('ideas:actions.changeStatus')}
            </button>
          </Form>
          {props.mergeTargets.length > 0 ? (
            <>
              <h2 safe>{t('ideas:staff.merge')}</h2>
              <p safe>{t('ideas:staff.mergeIntro')}</p>
              <Form ctx={ctx} action={`${path}/merge`}>
                <SelectField
                  form={forms.merge}
                  name="targetId"
                  idPrefix="mg-"
                  label={t('ideas:fields.targetId')}
                  options={props.mergeTargets.map((m) => ({ value: m.id, label: m.title }))}
                />
                <button type="submit" class="button secondary" safe>
                  {t('ideas:actions.merge')}
                </button>
              </Form>
            </>
          ) : (
            ''
          )}
          <h2 safe>{t('ideas:staff.moderation')}</h2>
          {idea.hiddenReason === null ? (
            <Form ctx={ctx} action={`${path}/hide`}>
              <TextField
                form={forms.hide}
                name="reason"
                idPrefix="hd-"
                label={t('ideas:fields.hideReason')}
                hint={t('ideas:hints.hideReason')}
                maxlength={LIMITS.reason}
              />
              <button type="submit" class="button danger" safe>
                {t('ideas:actions.hide')}
              </button>
            </Form>
          ) : (
            <ActionButton ctx={ctx} action={`${path}/unhide`} label={t('ideas:actions.unhide')} />
          )}
        </>
      ) : (
        ''
      )}
      <h2 safe>{t('ideas:comments')}</h2>
      {props.comments.length === 0 ? (
        <p safe>{t('ideas:noComments')}</p>
      ) : (
        <ul class="comments">
          {props.comments.map((c) => (
            <li id={`c-${c.id}`}>
              <p class="muted">
                <span safe>{authorLabel(ctx, c.author)}</span> <When ctx={ctx} iso={c.createdAt} />
              </p>
              <p class="prewrap" safe>
                {c.body}
              </p>
              {c.hiddenReason !== null ? (
                <p class="notice" safe>
                  {t('ideas:hiddenBecause', { reason: c.hiddenReason })}
                </p>
              ) : props.canModerate ? (
                <Form ctx={ctx} action={`${path}/comments/${c.id}/hide`} class="inline">
                  <TextField
                    form={{ values: {}, errors: {} }}
                    name="reason"
                    idPrefix={`hc-${c.id}-`}
                    label={t('ideas:fields.hideReason')}
                    maxlength={LIMITS.reason}
                  />
                  <button type="submit" class="button secondary" safe>
                    {t('ideas:actions.hideComment')}
                  </button>
                </Form>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canContribute && open ? (
        <Form ctx={ctx} action={`${path}/comments`}>
          <TextArea
            form={forms.comment}
            name="body"
            idPrefix="cm-"
            label={t('ideas:fields.comment')}
            rows={3}
            maxlength={LIMITS.comment}
          />
          <button type="submit" class="button secondary" safe>
            {t('ideas:actions.comment')}
          </button>
        </Form>
      ) : (
        ''
      )}
    </StaffLayout>
  );
}
