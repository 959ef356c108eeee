import { ErrorSummary, Form, Notice, SelectField, TextArea, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import type { Board, MemberView, SprintView } from '../get-sprint.js';
import { externalKinds, memberRoles, stages, type WarningCode } from '../sprints.table.js';
import { BoardView, SprintBrief, Team } from './sprint-parts.js';

/** Where an initiative's sprints live for staff. */
export const staffSprintsPath = (initiativeId: string) =>
  `/staff/initiatives/${encodeURIComponent(initiativeId)}/sprints`;

function Crumbs({ ctx, initiative }: { ctx: PageContext; initiative: Initiative }) {
  return (
    <nav aria-label={ctx.t('ideas:staff.breadcrumbs')}>
      <p>
        <a href={`/staff/initiatives/${initiative.id}`} safe>
          {initiative.title}
        </a>
        {' › '}
        <a href={staffSprintsPath(initiative.id)} safe>
          {ctx.t('sprints:listShort')}
        </a>
      </p>
    </nav>
  );
}

/** An initiative's sprints, and the form to start one. */
export function SprintsPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  sprints: SprintView[];
  canManage: boolean;
  form: FormState;
}): JSX.Element {
  const { ctx, initiative, form } = props;
  const t = ctx.t;
  const title = t('sprints:listTitle', { title: initiative.title });
  const labels = {
    challenge: t('sprints:fields.challenge'),
    inScope: t('sprints:fields.inScope'),
    outOfScope: t('sprints:fields.outOfScope'),
    startsOn: t('sprints:fields.startsOn'),
    endsOn: t('sprints:fields.endsOn'),
  };
  return (
    <StaffLayout ctx={ctx} title={title}>
      <Crumbs ctx={ctx} initiative={initiative} />
      <h1 safe>{title}</h1>
      {props.sprints.length === 0 ? (
        <p safe>{t('sprints:none')}</p>
      ) : (
        <ul>
          {props.sprints.map((s) => (
            <li>
              <a href={`${staffSprintsPath(initiative.id)}/${s.id}`} safe>
                {s.challenge}
              </a>{' '}
              <span class="muted" safe>
                {`${s.startsOn} – ${s.endsOn} · ${t(`sprints:stages.${s.stage}`)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.canManage ? (
        <>
          <h2 safe>{t('sprints:newTitle')}</h2>
          <p safe>{t('sprints:newIntro')}</p>
          <Form ctx={ctx} action={staffSprintsPath(initiative.id)}>
            <ErrorSummary ctx={ctx} form={form} labels={labels} />
            <TextArea
              form={form}
              name="challenge"
              label={labels.challenge}
              required
              rows={3}
              maxlength={2000}
            />
            <TextArea form={form} name="inScope" label={labels.inScope} required rows={3} maxlength={2000} />
            <TextArea
              form={form}
              name="outOfScope"
              label={labels.outOfScope}
              required
              rows={3}
              maxlength={2000}
            />
            <TextField form={form} name="startsOn" type="date" label={labels.startsOn} required />
            <TextField form={form} name="endsOn" type="date" label={labels.endsOn} required />
            <button type="submit" class="button primary" safe>
              {t('sprints:actions.create')}
            </button>
          </Form>
        </>
      ) : (
        ''
      )}
    </StaffLayout>
  );
}

/** One sprint for staff: brief, composition warnings, team, board, stage and the activity log. */
export function SprintPage(props: {
  ctx: PageContext;
  initiative: Initiative;
  sprint: SprintView;
  members: MemberView[];
  warnings: WarningCode[];
  board: Board;
  activity: { who: string; action: string; subject: string; at: string }[];
  canManage: boolean;
  staffOptions: { value: string; label: string }[];
  departmentOptions: { value: string; label: string }[];
  itemOptions: { value: string; label: string }[];
  memberForm: FormState;
  itemForm: FormState;
  invitationLink?: string | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, initiative, sprint } = props;
  const t = ctx.t;
  const path = `${staffSprintsPath(initiative.id)}/${sprint.id}`;
  const departments = new Map(props.departmentOptions.map((d) => [d.value, d.label]));
  return (
    <StaffLayout ctx={ctx} title={sprint.challenge}>
      <Crumbs ctx={ctx} initiative={initiative} />
      <h1 safe>{t('sprints:sprintTitle')}</h1>
      <Notice text={props.notice} />
      {props.invitationLink ? (
        <div class="notice" role="status">
          <p safe>{t('sprints:invitationOnce')}</p>
          <p>
            <code safe>{props.invitationLink}</code>
          </p>
        </div>
      ) : (
        ''
      )}
      <SprintBrief ctx={ctx} sprint={sprint} />
      <h2 safe>{t('sprints:warningsTitle')}</h2>
      {props.warnings.length === 0 ? (
        <p safe>{t('sprints:noWarnings')}</p>
      ) : (
        <ul class="warnings">
          {props.warnings.map((w) => (
            <li>
              <strong safe>{t(`sprints:warnings.${w}`)}</strong>{' '}
              {props.canManage ? (
                <Form ctx={ctx} action={`${path}/warnings/dismiss`} class="inline">
                  <input type="hidden" name="warning" value={w} />
                  <button type="submit" class="button secondary" safe>
                    {t('sprints:actions.dismiss')}
                  </button>
                </Form>
              ) : (
                ''
              )}
            </li>
          ))}
        </ul>
      )}
      <h2 safe>{t('sprints:teamTitle')}</h2>
      <Team ctx={ctx} members={props.members} departments={departments} />
      {props.canManage ? (
        <Form ctx={ctx} action={`${path}/members`}>
          <h3 safe>{t('sprints:addMember')}</h3>
          <SelectField
            form={props.memberForm}
            name="role"
            idPrefix="m-"
            label={t('sprints:fields.role')}
            options={memberRoles.map((r) => ({ value: r, label: t(`sprints:roles.${r}`) }))}
          />
          <SelectField
            form={props.memberForm}
            name="staffId"
            idPrefix="m-"
            label={t('sprints:fields.staffId')}
            hint={t('sprints:hints.staffId')}
            options={[{ value: '', label: '—' }, ...props.staffOptions]}
          />
          <SelectField
            form={props.memberForm}
            name="departmentId"
            idPrefix="m-"
            label={t('sprints:fields.departmentId')}
            hint={t('sprints:hints.departmentId')}
            options={[{ value: '', label: '—' }, ...props.departmentOptions]}
          />
          <TextField
            form={props.memberForm}
            name="name"
            idPrefix="m-"
            label={t('sprints:fields.name')}
            hint={t('sprints:hints.name')}
            maxlength={200}
          />
          <SelectField
            form={props.memberForm}
            name="externalKind"
            idPrefix="m-"
            label={t('sprints:fields.externalKind')}
            options={[
              { value: '', label: '—' },
              ...externalKinds.map((k) => ({ value: k, label: t(`sprints:kinds.${k}`) })),
            ]}
          />
          <button type="submit" class="button secondary" safe>
            {t('sprints:actions.addMember')}
          </button>
        </Form>
      ) : (
        ''
      )}
      <h2 safe>{t('sprints:boardTitle')}</h2>
      <BoardView ctx={ctx} board={props.board} />
      {props.canManage ? (
        <>
          <Form ctx={ctx} action={`${path}/items`}>
            <h3 safe>{t('sprints:placeItem')}</h3>
            <SelectField
              form={props.itemForm}
              name="item"
              idPrefix="i-"
              label={t('sprints:fields.itemId')}
              options={props.itemOptions}
            />
            <SelectField
              form={props.itemForm}
              name="stage"
              idPrefix="i-"
              label={t('sprints:fields.stage')}
              options={stages.map((s) => ({ value: s, label: t(`sprints:stages.${s}`) }))}
            />
            <button type="submit" class="button secondary" safe>
              {t('sprints:actions.place')}
            </button>
          </Form>
          <Form ctx={ctx} action={`${path}/stage`}>
            <h3 safe>{t('sprints:changeStage')}</h3>
            <SelectField
              form={{ values: { stage: sprint.stage }, errors: {} }}
              name="stage"
              idPrefix="s-"
              label={t('sprints:fields.stage')}
              options={stages.map((s) => ({ value: s, label: t(`sprints:stages.${s}`) }))}
            />
            <button type="submit" class="button secondary" safe>
              {t('sprints:actions.changeStage')}
            </button>
          </Form>
        </>
      ) : (
        ''
      )}
      <h2 safe>{t('sprints:activityTitle')}</h2>
      <ul>
        {props.activity.map((a) => (
          <li>
            <time datetime={a.at} safe>
              {a.at.slice(0, 16).replace('T', ' ')}
            </time>{' '}
            <span safe>{t(`sprints:activity.${a.action}`, { who: a.who, subject: a.subject })}</span>
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}
