import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative, Phase } from '../initiatives.table.js';
import { planningChecklist } from '../planning-checklist.js';

/** A date as the reader's language writes it. */
export function formatDate(ctx: PageContext, iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** The status as a tag. */
export function StatusTag({ ctx, status }: { ctx: PageContext; status: string }): JSX.Element {
  return (
    <span class={`tag status-${status}`} safe>
      {ctx.t(`initiatives:status.${status}`)}
    </span>
  );
}

/** The planning checklist with what is done and what is missing. */
export function Checklist({ ctx, initiative }: { ctx: PageContext; initiative: Initiative }): JSX.Element {
  const items = planningChecklist(initiative);
  const missing = items.filter((i) => !i.done).map((i) => ctx.t(`initiatives:checklist.${i.item}`));
  return (
    <section aria-labelledby="checklist-title">
      <h2 id="checklist-title" safe>
        {ctx.t('initiatives:checklist.title')}
      </h2>
      <p safe>{ctx.t('initiatives:checklist.intro')}</p>
      <ul class="checklist">
        {items.map((i) => (
          <li class={i.done ? 'done' : 'missing'}>
            <span safe>{ctx.t(`initiatives:checklist.${i.item}`)}</span>
          </li>
        ))}
      </ul>
      <p class={missing.length > 0 ? 'field-error' : 'muted'} safe>
        {missing.length > 0
          ? ctx.t('initiatives:checklist.blocked', { missing: missing.join(', ') })
          : ctx.t('initiatives:checklist.ready')}
      </p>
    </section>
  );
}

/** The phases as an ordered timeline. */
export function Timeline({
  ctx,
  phases,
  empty,
}: {
  ctx: PageContext;
  phases: Phase[];
  empty: string;
}): JSX.Element {
  if (phases.length === 0) return <p safe>{empty}</p>;
  return (
    <ol class="timeline">
      {phases.map((p) => (
        <li>
          <strong safe>{p.name}</strong>{' '}
          {p.startsOn ? (
            <span safe>{ctx.t('initiatives:public.from', { date: formatDate(ctx, p.startsOn) })}</span>
          ) : (
            ''
          )}{' '}
          {p.endsOn ? (
            <span safe>{ctx.t('initiatives:public.until', { date: formatDate(ctx, p.endsOn) })}</span>
          ) : (
            ''
          )}
        </li>
      ))}
    </ol>
  );
}
