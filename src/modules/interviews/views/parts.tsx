import type { PageContext } from '../../../ui/page-context.js';
import type { Initiative } from '../../initiatives/initiatives.table.js';
import { formatTime } from '../transcript.js';

/** A day (YYYY-MM-DD) as the reader's language writes it, machine-readable in `datetime`. */
export function Day({ ctx, iso }: { ctx: PageContext; iso: string }): JSX.Element {
  const text = new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <time datetime={iso} safe>
      {text}
    </time>
  );
}

/** The way back: the initiative, and the interviews list unless this is it. */
export function Breadcrumbs({
  ctx,
  initiative,
  toList,
}: {
  ctx: PageContext;
  initiative: Initiative;
  toList: boolean;
}): JSX.Element {
  const base = `/staff/initiatives/${initiative.id}`;
  return (
    <nav aria-label={ctx.t('interviews:staff.breadcrumbs')}>
      <p>
        <a href={base} safe>
          {initiative.title}
        </a>
        {toList ? (
          <>
            {' › '}
            <a href={`${base}/interviews`} safe>
              {ctx.t('interviews:staff.listTitleShort')}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
    </nav>
  );
}

/** A segment's time span as `m:ss–m:ss`, or nothing for untimed text. */
export function timeSpan(start: number | null, end: number | null): string {
  if (start === null) return '';
  return end === null ? formatTime(start) : `${formatTime(start)}–${formatTime(end)}`;
}

/** Text with line breaks as paragraphs. */
export function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split(/\n\s*\n|\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p safe>{p}</p>
        ))}
    </>
  );
}
