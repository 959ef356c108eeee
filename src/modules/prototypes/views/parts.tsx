import type { PageContext } from '../../../ui/page-context.js';
import type { VersionView } from '../prototype-view.js';

/** A moment as the reader's language writes it, machine-readable in `datetime`. */
export function When({ ctx, iso }: { ctx: PageContext; iso: string }): JSX.Element {
  const text = new Intl.DateTimeFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(iso));
  return (
    <time datetime={iso} safe>
      {text}
    </time>
  );
}

/** A version's draft: its text, its files (images shown, others linked) and when its round closes. */
export function Draft({
  ctx,
  version,
  fileBase,
}: {
  ctx: PageContext;
  version: VersionView;
  fileBase: string;
}): JSX.Element {
  const t = ctx.t;
  return (
    <>
      <p class="muted">
        <span safe>{t('prototypes:versionLabel', { number: version.number })}</span>
        {' · '}
        <span safe>{version.open ? t('prototypes:closesOn') : t('prototypes:closedOn')}</span>{' '}
        <When ctx={ctx} iso={version.closesAt} />
      </p>
      <p class="prewrap" safe>
        {version.body}
      </p>
      {version.files.length > 0 ? (
        <ul>
          {version.files.map((f) =>
            f.contentType.startsWith('image/') ? (
              <li>
                <img
                  class="idea-image"
                  src={`${fileBase}/${f.id}`}
                  alt={t('prototypes:imageOf', { name: f.fileName })}
                />
              </li>
            ) : (
              <li>
                <a href={`${fileBase}/${f.id}`} safe>
                  {t('prototypes:download', { name: f.fileName })}
                </a>
              </li>
            ),
          )}
        </ul>
      ) : (
        ''
      )}
    </>
  );
}
