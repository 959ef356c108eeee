import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../initiatives.table.js';
import { StatusTag, formatDate } from './parts.js';

/** A table of initiatives with status and participants. */
export function InitiativeTable({
  ctx,
  initiatives,
  counts,
}: {
  ctx: PageContext;
  initiatives: Initiative[];
  counts: Map<string, number>;
}): JSX.Element {
  if (initiatives.length === 0) return <p safe>{ctx.t('initiatives:staff.none')}</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col" safe>
            {ctx.t('initiatives:fields.title')}
          </th>
          <th scope="col" safe>
            {ctx.t('initiatives:fields.formOfInvolvement')}
          </th>
          <th scope="col" safe>
            {ctx.t('initiatives:staff.statusLabel')}
          </th>
          <th scope="col" safe>
            {ctx.t('initiatives:actions.participants')}
          </th>
        </tr>
      </thead>
      <tbody>
        {initiatives.map((i) => (
          <tr>
            <td>
              <a href={`/staff/initiatives/${i.id}`} safe>
                {i.title}
              </a>
              <div class="muted" safe>
                {ctx.t('initiatives:staff.updated', { date: formatDate(ctx, i.updatedAt) })}
              </div>
            </td>
            <td safe>{ctx.t(`initiatives:forms.${i.formOfInvolvement}.label`)}</td>
            <td>
              <StatusTag ctx={ctx} status={i.status} />
            </td>
            <td safe>{String(counts.get(i.id) ?? 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The staff list of initiatives. */
export function InitiativeList({
  ctx,
  initiatives,
  counts,
  canManage,
}: {
  ctx: PageContext;
  initiatives: Initiative[];
  counts: Map<string, number>;
  canManage: boolean;
}): JSX.Element {
  return (
    <StaffLayout ctx={ctx} title={ctx.t('initiatives:staff.listTitle')}>
      <h1 safe>{ctx.t('initiatives:staff.listTitle')}</h1>
      {canManage ? (
        <p>
          <a class="button primary" href="/staff/initiatives/new" safe>
            {ctx.t('initiatives:actions.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <InitiativeTable ctx={ctx} initiatives={initiatives} counts={counts} />
    </StaffLayout>
  );
}
