import type { PageContext } from '../../../ui/page-context.js';

/**
 * The small box other modules' thank-you pages show: an invitation to the pulse, or nothing when the
 * pulse is off for the activity or already answered (`href` undefined or null).
 */
export function PulseInvite({
  ctx,
  href,
}: {
  ctx: PageContext;
  href: string | null | undefined;
}): JSX.Element {
  if (!href) return <></>;
  return (
    <aside class="panel pulse-invite" aria-labelledby="pulse-invite-title">
      <h2 id="pulse-invite-title" safe>
        {ctx.t('pulse:invite.title')}
      </h2>
      <p safe>{ctx.t('pulse:invite.text')}</p>
      <p>
        <a class="button primary" href={href} safe>
          {ctx.t('pulse:invite.link')}
        </a>
      </p>
    </aside>
  );
}
