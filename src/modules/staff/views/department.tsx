import { ErrorSummary, Form, TextField } from '../../../ui/components.js';
import { StaffLayout } from '../../../ui/layout.js';
import type { FormState, PageContext } from '../../../ui/page-context.js';
import type { Department } from '../staff.repository.js';

/** The page for renaming a department. */
export function DepartmentPage(props: {
  ctx: PageContext;
  department: Department;
  form: FormState;
}): JSX.Element {
  const { ctx, department, form } = props;
  const labels = { departmentName: ctx.t('staff:department.name') };
  const title = ctx.t('staff:department.renameTitle', { name: department.name });
  return (
    <StaffLayout ctx={ctx} title={title}>
      <p>
        <a href="/staff/team" safe>
          {ctx.t('staff:member.back')}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <ErrorSummary ctx={ctx} form={form} labels={labels} />
      <Form ctx={ctx} action={`/staff/departments/${department.id}`}>
        <TextField form={form} name="departmentName" label={labels.departmentName} maxlength={200} required />
        <button type="submit" class="button primary" safe>
          {ctx.t('staff:department.renameSubmit')}
        </button>
      </Form>
    </StaffLayout>
  );
}
