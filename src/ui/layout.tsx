import type { Children } from '@kitajs/html';
import type { PageContext } from './page-context.js';
import { CsrfField } from './components.js';

function LanguageSwitch({ ctx }: { ctx: PageContext }): JSX.Element {
  const other = ctx.locale === 'en' ? 'da' : 'en';
  const next = encodeURIComponent(ctx.path);
  return (
    <nav class="language" aria-label={ctx.t('layout.language')}>
      <a href={`/lang/${other}?next=${next}`} lang={other} hreflang={other} safe>
        {ctx.t(`layout.switchTo.${other}`)}
      </a>
    </nav>
  );
}

function Document(props: {
  ctx: PageContext;
  title: string;
  bodyClass: string;
  children: Children;
}): JSX.Element {
  const { children } = props;
  return (
    <>
      {'<!doctype html>'}
      <html lang={props.ctx.locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${props.title} · Engine Room`}</title>
          <link rel="stylesheet" href="/assets/app.css" />
          <script src="/assets/app.js" defer></script>
        </head>
        <body class={props.bodyClass}>
          <a class="skip-link" href="#main" safe>
            {props.ctx.t('layout.skipToContent')}
          </a>
          {children}
        </body>
      </html>
    </>
  );
}

/** The light layout of participant pages: no staff navigation, works without JavaScript. */
export function ParticipantLayout(props: {
  ctx: PageContext;
  title: string;
  org?: { slug: string; name: string } | undefined;
  children: Children;
}): JSX.Element {
  const { children } = props;
  const { ctx, org } = props;
  return (
    <Document ctx={ctx} title={props.title} bodyClass="participant">
      <header class="site-header">
        <div class="wrap">
          {org ? (
            <a class="brand" href={`/o/${org.slug}`} safe>
              {org.name}
            </a>
          ) : (
            <a class="brand" href="/">
              Engine Room
            </a>
          )}
          <nav aria-label={ctx.t('layout.participantNav')}>
            <ul class="nav">
              {org ? (
                <li>
                  <a href={`/o/${org.slug}/me`} safe>
                    {ctx.t('layout.myData')}
                  </a>
                </li>
              ) : (
                ''
              )}
              {org ? (
                <li>
                  <a href={`/o/${org.slug}/me/participation`} safe>
                    {ctx.t('layout.myParticipation')}
                  </a>
                </li>
              ) : (
                ''
              )}
            </ul>
          </nav>
          <LanguageSwitch ctx={ctx} />
        </div>
      </header>
      <main id="main" class="wrap" tabindex="-1">
        {children}
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p safe>{ctx.t('layout.footer')}</p>
        </div>
      </footer>
    </Document>
  );
}

/** The staff layout: navigation by role and a sign-out button. */
export function StaffLayout(props: { ctx: PageContext; title: string; children: Children }): JSX.Element {
  const { children } = props;
  const { ctx } = props;
  const isAdmin = ctx.staff?.role === 'admin';
  const links: [string, string][] = [
    ['/staff', ctx.t('layout.dashboard')],
    ['/staff/initiatives', ctx.t('layout.initiatives')],
    ['/staff/team', ctx.t('layout.team')],
    ...(ctx.staff && ctx.staff.role !== 'frontline'
      ? ([['/staff/engagement', ctx.t('engagement:nav')]] as [string, string][])
      : []),
    // The same roles as `influenceRules.view` (the ui layer does not import modules).
    ...(['admin', 'facilitator', 'analyst'].includes(ctx.staff?.role ?? '')
      ? ([['/staff/influence', ctx.t('influence:nav')]] as [string, string][])
      : []),
    ...(isAdmin
      ? ([
          ['/staff/demographics', ctx.t('layout.demographics')],
          ['/staff/outbox', ctx.t('layout.outbox')],
          ['/staff/audit', ctx.t('layout.audit')],
        ] as [string, string][])
      : []),
  ];
  const current = ctx.path.split('?')[0] ?? '';
  return (
    <Document ctx={ctx} title={props.title} bodyClass="staff">
      <header class="site-header staff-header">
        <div class="wrap">
          <a class="brand" href="/staff">
            Engine Room
          </a>
          <nav aria-label={ctx.t('layout.staffNav')}>
            <ul class="nav">
              {links.map(([href, label]) => (
                <li>
                  <a href={href} aria-current={current === href ? 'page' : undefined} safe>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch ctx={ctx} />
          {ctx.staff ? (
            <form method="post" action="/signout" class="inline">
              <CsrfField ctx={ctx} />
              <button type="submit" class="button link" safe>
                {ctx.t('layout.signOut', { name: ctx.staff.name })}
              </button>
            </form>
          ) : (
            ''
          )}
        </div>
      </header>
      <main id="main" class="wrap" tabindex="-1">
        {children}
      </main>
    </Document>
  );
}
