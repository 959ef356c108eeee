import { ErrorSummary, Form, Notice, SelectField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Department, StaffMember } from '../staff.repository.js';
import { departmentOptions, formatTime, roleOptions, RoleGuide } from './shared.js';

/** The form values of a member as stored, to pre-fill the edit form. */
export function memberFormValues(member: StaffMember): Record<string, unknown> {
  return { role: member.role, status: member.status, departmentId: member.departmentId ?? '' };
}

/** One colleague's page; admins can change role, department and status here. */
export function MemberPage(props: {
  ctx: PageContext;
  member: StaffMember;
  departments: Department[];
  canManage: boolean;
  form: FormState;
  notice?: string | undefined;
}): JSX.Element {
  const { ctx, member, form } = props;
  const labels = {
    role: ctx.t('staff:member.role'),
    departmentId: ctx.t('staff:member.department'),
    status: ctx.t('staff:member.status'),
  };
  return (
    <StaffLayout ctx={ctx} title={member.name}>
      <p>
        <a href="/staff/team" safe>
          {ctx.t('staff:member.back')}
        </a>
      </p>
      <h1 safe>{member.name}</h1>
      <Notice text={props.notice} />
      <dl class="facts">
        <dt safe>{ctx.t('staff:team.email')}</dt>
        <dd safe>{member.email}</dd>
        <dt safe>{ctx.t('staff:team.role')}</dt>
        <dd safe>{ctx.t(`staff:roles.${member.role}.name`)}</dd>
        <dt safe>{ctx.t('staff:team.department')}</dt>
        <dd safe>{member.departmentName ?? ctx.t('staff:team.noDepartment')}</dd>
        <dt safe>{ctx.t('staff:team.status')}</dt>
        <dd safe>{ctx.t(`staff:status.${member.status}`)}</dd>
        <dt safe>{ctx.t('staff:member.since')}</dt>
        <dd safe>{formatTime(ctx, member.createdAt)}</dd>
      </dl>
      {props.canManage ? (
        <section aria-labelledby="member-edit-title">
          <h2 id="member-edit-title" safe>
            {ctx.t('staff:member.editTitle')}
          </h2>
          <ErrorSummary ctx={ctx} form={form} labels={labels} />
          <Form ctx={ctx} action={`/staff/team/${member.id}`}>
            <SelectField form={form} name="role" label={labels.role} options={roleOptions(ctx.t)} required />
            <RoleGuide ctx={ctx} />
            <SelectField
              form={form}
              name="departmentId"
              label={labels.departmentId}
              options={departmentOptions(ctx.t, props.departments)}
            />
            <SelectField
              form={form}
              name="status"
              label={labels.status}
              hint={ctx.t('staff:member.statusHint')}
              options={[
                { value: 'active', label: ctx.t('staff:status.active') },
                { value: 'disabled', label: ctx.t('staff:status.disabled') },
              ]}
              required
            />
            <button type="submit" class="button primary" safe>
              {ctx.t('staff:member.submit')}
            </button>
          </Form>
        </section>
      ) : (
        ''
      )}
    </StaffLayout>
  );
}
