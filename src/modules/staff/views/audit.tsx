import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { AuditRow } from '../list-audit.js';
import { formatTime } from './shared.js';

/** The organization's audit log, newest first. */
export function AuditPage(props: { ctx: PageContext; entries: AuditRow[] }): JSX.Element {
  const { ctx } = props;
  return (
    <StaffLayout ctx={ctx} title={ctx.t('staff:audit.title')}>
      <h1 safe>{ctx.t('staff:audit.title')}</h1>
      <p class="lead" safe>
        {ctx.t('staff:audit.lead')}
      </p>
      {props.entries.length === 0 ? (
        <p class="muted" safe>
          {ctx.t('staff:audit.empty')}
        </p>
      ) : (
        <table>
          <caption safe>{ctx.t('staff:audit.caption', { count: props.entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>
                {ctx.t('staff:audit.when')}
              </th>
              <th scope="col" safe>
                {ctx.t('staff:audit.who')}
              </th>
              <th scope="col" safe>
                {ctx.t('staff:audit.action')}
              </th>
              <th scope="col" safe>
                {ctx.t('staff:audit.subject')}
              </th>
              <th scope="col" safe>
                {ctx.t('staff:audit.details')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((e) => (
              <tr>
                <td safe>{formatTime(ctx, e.created_at)}</td>
                <td safe>{e.staff_name ?? ctx.t('staff:audit.nobody')}</td>
                <td>
                  <span safe>{ctx.t(`staff:audit.actions.${e.action}`, { defaultValue: e.action })}</span>{' '}
                  <code safe>{e.action}</code>
                </td>
                <td>
                  <span safe>{e.subject_type}</span> <code safe>{e.subject_id ?? ''}</code>
                </td>
                <td>
                  <code safe>{e.details}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </StaffLayout>
  );
}
