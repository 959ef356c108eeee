import { StaffLayout } from '../../../ui/layout.js';
import type { PageContext } from '../../../ui/page-context.js';
import { initiativeStatuses, type Initiative } from '../initiatives.table.js';
import { missingChecklistItems } from '../planning-checklist.js';
import { InitiativeTable } from './initiative-list.js';

/** The staff dashboard: initiatives by status, open ones, and drafts whose plan is incomplete. */
export function Dashboard({
  ctx,
  initiatives,
  counts,
}: {
  ctx: PageContext;
  initiatives: Initiative[];
  counts: Map<string, number>;
}): JSX.Element {
  const t = ctx.t;
  const open = initiatives.filter((i) => i.status === 'open');
  const unready = initiatives.filter((i) => i.status === 'draft' && missingChecklistItems(i).length > 0);
  return (
    <StaffLayout ctx={ctx} title={t('initiatives:dashboard.title')}>
      <h1 safe>{t('initiatives:dashboard.welcome', { name: ctx.staff?.name ?? '' })}</h1>
      <section aria-labelledby="by-status">
        <h2 id="by-status" safe>
          {t('initiatives:dashboard.byStatus')}
        </h2>
        <ul class="cards">
          {initiativeStatuses.map((s) => (
            <li class="card">
              <h3 safe>{t(`initiatives:status.${s}`)}</h3>
              <p class="lead" safe>
                {String(initiatives.filter((i) => i.status === s).length)}
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="open-title">
        <h2 id="open-title" safe>
          {t('initiatives:dashboard.openInitiatives')}
        </h2>
        {open.length > 0 ? (
          <InitiativeTable ctx={ctx} initiatives={open} counts={counts} />
        ) : (
          <p safe>{t('initiatives:dashboard.noneOpen')}</p>
        )}
      </section>
      <section aria-labelledby="attention-title">
        <h2 id="attention-title" safe>
          {t('initiatives:dashboard.needsAttention')}
        </h2>
        {unready.length > 0 ? (
          <ul>
            {unready.map((i) => (
              <li>
                <a href={`/staff/initiatives/${i.id}`} safe>
                  {i.title}
                </a>
                {': '}
                <span safe>
                  {missingChecklistItems(i)
                    .map((m) => t(`initiatives:checklist.${m}`))
                    .join(', ')}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p safe>{t('initiatives:dashboard.nothingNeedsAttention')}</p>
        )}
      </section>
    </StaffLayout>
  );
}
