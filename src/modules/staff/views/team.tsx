import { ErrorSummary, Form, Notice, SelectField, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Team } from '../list-team.js';
import { departmentOptions, formatTime, roleOptions, RoleGuide } from './shared.js';

function Members({ ctx, team }: { ctx: PageContext; team: Team }): JSX.Element {
  return (
    <table>
      <caption safe>{ctx.t('staff:team.membersCaption', { count: team.members.length })}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {ctx.t('staff:team.name')}
          </th>
          <th scope="col" safe>
            {ctx.t('staff:team.email')}
          </th>
          <th scope="col" safe>
            {ctx.t('staff:team.role')}
          </th>
          <th scope="col" safe>
            {ctx.t('staff:team.department')}
          </th>
          <th scope="col" safe>
            {ctx.t('staff:team.status')}
          </th>
        </tr>
      </thead>
      <tbody>
        {team.members.map((m) => (
          <tr>
            <td>
              <a href={`/staff/team/${m.id}`} safe>
                {m.name}
              </a>
              {m.id === ctx.staff?.staffId ? (
                <span class="tag" safe>
                  {ctx.t('staff:team.you')}
                </span>
              ) : (
                ''
              )}
            </td>
            <td safe>{m.email}</td>
            <td safe>{ctx.t(`staff:roles.${m.role}.name`)}</td>
            <td safe>{m.departmentName ?? ctx.t('staff:team.noDepartment')}</td>
            <td safe>{ctx.t(`staff:status.${m.status}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Invitations({ ctx, team }: { ctx: PageContext; team: Team }): JSX.Element {
  if (team.invitations.length === 0)
    return (
      <p class="muted" safe>
        {ctx.t('staff:team.noInvitations')}
      </p>
    );
  return (
    <table>
      <caption safe>{ctx.t('staff:team.invitationsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {ctx.t('staff:team.name')}
          </th>
          <th scope="col" safe>
            {ctx.t('staff:team.email')}
          </th>
          <th scope="col" safe>
            {ctx.t('staff:team.role')}
          </th>
          <th scope="col" safe>
            {ctx.t('staff:team.expires')}
          </th>
        </tr>
      </thead>
      <tbody>
        {team.invitations.map((i) => (
          <tr>
            <td safe>{i.name}</td>
            <td safe>{i.email}</td>
            <td safe>{ctx.t(`staff:roles.${i.role}.name`)}</td>
            <td safe>{formatTime(ctx, i.expiresAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InviteForm(props: { ctx: PageContext; team: Team; form: FormState }): JSX.Element {
  const { ctx, form } = props;
  const labels = {
    email: ctx.t('staff:invite.email'),
    name: ctx.t('staff:invite.name'),
    role: ctx.t('staff:invite.role'),
    departmentId: ctx.t('staff:invite.department'),
  };
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title" safe>
        {ctx.t('staff:invite.title')}
      </h2>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <p safe>{ctx.t('staff:invite.lead')}</p>
      <Form ctx={ctx} action="/staff/team/invitations">
        <TextField form={form} name="email" label={labels.email} type="email" maxlength={254} required />
        <TextField form={form} name="name" label={labels.name} maxlength={200} required />
        <SelectField form={form} name="role" label={labels.role} options={roleOptions(ctx.t)} required />
        <RoleGuide ctx={ctx} />
        <SelectField
          form={form}
          name="departmentId"
          label={labels.departmentId}
          options={departmentOptions(ctx.t, props.team.departments)}
        />
        <button type="submit" class="button primary" safe>
          {ctx.t('staff:invite.submit')}
        </button>
      </Form>
    </section>
  );
}

function Departments(props: {
  ctx: PageContext;
  team: Team;
  form: FormState;
  isAdmin: boolean;
}): JSX.Element {
  const { ctx, team, form } = props;
  const labels = { departmentName: ctx.t('staff:department.name') };
  return (
    <section aria-labelledby="departments-title">
      <h2 id="departments-title" safe>
        {ctx.t('staff:team.departmentsTitle')}
      </h2>
      {team.departments.length === 0 ? (
        <p class="muted" safe>
          {ctx.t('staff:team.noDepartments')}
        </p>
      ) : (
        <ul>
          {team.departments.map((d) =>
            props.isAdmin ? (
              <li>
                <a href={`/staff/departments/${d.id}`} safe>
                  {d.name}
                </a>
              </li>
            ) : (
              <li safe>{d.name}</li>
            ),
          )}
        </ul>
      )}
      {props.isAdmin ? (
        <>
          <h3 id="department-create-title" safe>
            {ctx.t('staff:department.createTitle')}
          </h3>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action="/staff/departments">
            <TextField
              form={form}
              name="departmentName"
              label={labels.departmentName}
              maxlength={200}
              required
            />
            <button type="submit" class="button secondary" safe>
              {ctx.t('staff:department.createSubmit')}
            </button>
          </Form>
        </>
      ) : (
        ''
      )}
    </section>
  );
}

/** The team page: everyone sees colleagues and departments; admins also invite and manage departments. */
export function TeamPage(props: {
  ctx: PageContext;
  team: Team;
  isAdmin: boolean;
  inviteForm: FormState;
  departmentForm: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, team } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('staff:team.title')}>
      <h1 safe>{ctx.t('staff:team.title')}</h1>
      <Notice text={props.notice} />
      <Members ctx={ctx} team={team} />
      {props.isAdmin ? (
        <section aria-labelledby="invitations-title">
          <h2 id="invitations-title" safe>
            {ctx.t('staff:team.invitationsTitle')}
          </h2>
          <Invitations ctx={ctx} team={team} />
        </section>
      ) : (
        ''
      )}
      {props.isAdmin ? <InviteForm ctx={ctx} team={team} form={props.inviteForm} /> : ''}
      <Departments ctx={ctx} team={team} form={props.departmentForm} isAdmin={props.isAdmin} />
    </StaffLayout>
  );
}
